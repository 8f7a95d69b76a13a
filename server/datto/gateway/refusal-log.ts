import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import type { DattoError } from "./datto-error";

const WINDOW_MS = 60_000;

/**
 * Calls refused before they were sent (a pause after 429, the 403 circuit, no budget slot in time,
 * rejected credentials) are counted, not logged one by one: a pause can refuse thousands of calls a
 * minute. At most one line a minute says how many, by kind; the pause itself is logged by the
 * upstream monitor when it starts and ends.
 */
export function createRefusalLog(clock: Clock, logger: Logger) {
  let windowStart: number | null = null;
  let counts: Record<string, number> = {};

  const flush = (now: number) => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total > 0) logger.warn("datto calls refused before sending", { total, byKind: counts });
    counts = {};
    windowStart = now;
  };

  return {
    record(error: DattoError) {
      const now = clock.now();
      if (windowStart === null) {
        // The first refusal after a quiet spell is worth a line at once; later ones wait.
        counts[error.kind] = 1;
        flush(now);
        return;
      }
      counts[error.kind] = (counts[error.kind] ?? 0) + 1;
      if (now - windowStart >= WINDOW_MS) flush(now);
    },
  };
}
