/**
 * When a throttle key is locked, the epoch ms at which one more attempt will be allowed; else
 * null. `failures` are the failure times still within the window, oldest first; an attempt in
 * flight counts as a failure now. A failure counts for windowMs: at exactly windowMs old it no
 * longer does.
 */
export function lockedUntil(
  failures: readonly number[],
  inFlight: number,
  limit: { maxFailures: number; windowMs: number },
  now: number,
): number | null {
  const counted = [...failures, ...Array<number>(inFlight).fill(now)];
  if (counted.length < limit.maxFailures) return null;
  // Once the oldest failure that still counts leaves the window, one more try is allowed.
  return counted[counted.length - limit.maxFailures]! + limit.windowMs;
}
