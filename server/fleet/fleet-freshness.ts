import type { Freshness } from "../contract/freshness";

export type FreshnessState = {
  fetchedAt: number | null;
  /** A successful walk happened since start (not just a snapshot loaded from disk). */
  syncedSinceStart: boolean;
  partsStale: boolean;
  lastError: string | null;
  lastErrorAt: number | null;
  now: number;
  maxAgeMs: number;
};

/** How fresh the fleet answers are, with a reason a person can act on. */
export function fleetFreshness(s: FreshnessState): Freshness {
  const fresh = (stale: boolean, reason: string | null): Freshness => ({
    fetchedAt: s.fetchedAt,
    stale,
    reason,
  });
  if (s.fetchedAt === null) {
    return fresh(
      true,
      s.lastError
        ? `The first sync with Datto failed: ${s.lastError}`
        : "The first sync with Datto is still running.",
    );
  }
  if (s.lastError && s.lastErrorAt !== null && s.lastErrorAt >= s.fetchedAt) {
    return fresh(
      true,
      `Refreshing from Datto failed (${s.lastError}); showing the last good copy.`,
    );
  }
  if (!s.syncedSinceStart) {
    return fresh(
      true,
      "Showing the copy saved before the server restarted; refreshing from Datto.",
    );
  }
  if (s.partsStale) {
    return fresh(
      true,
      "Datto could not be reached for part of the last refresh; some data is older.",
    );
  }
  if (s.now - s.fetchedAt > s.maxAgeMs) {
    return fresh(true, `Not refreshed for over ${Math.round(s.maxAgeMs / 60_000)} minutes.`);
  }
  return fresh(false, null);
}
