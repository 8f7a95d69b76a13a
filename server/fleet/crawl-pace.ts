import { DattoError, type DattoErrorKind } from "../datto/gateway/datto-error";

const WINDOW_MS = 60_000;
/** Below this much crawling, a pace says nothing yet. */
const MIN_OBSERVED_MS = 10_000;
/** Failures that say Datto itself is unavailable, not that one device has no audit. */
const OUTAGE_KINDS = new Set<DattoErrorKind>([
  "down",
  "timeout",
  "upstream",
  "rate-limited",
  "blocked",
  "credentials-rejected",
]);

/**
 * How fast a background crawl reads, and whether Datto stopped answering it. The pace is what
 * was read in the last minute (the shared budget decides it, not the crawl); an outage is as many
 * Datto-side failures in a row as there are workers, cleared by the next success.
 */
export function createCrawlPace(now: () => number, workers: number) {
  const finished: number[] = [];
  let startedAt: number | null = null;
  let failuresInRow = 0;
  let outage: { since: number; reason: string } | null = null;

  const trim = (t: number) => {
    while (finished.length > 0 && finished[0]! <= t - WINDOW_MS) finished.shift();
  };

  return {
    /** A read was queued while nothing else was: the pace starts over. */
    start() {
      startedAt ??= now();
    },
    idle() {
      startedAt = null;
      finished.length = 0;
    },
    succeeded() {
      finished.push(now());
      failuresInRow = 0;
      outage = null;
    },
    failed(error: unknown) {
      finished.push(now());
      if (!(error instanceof DattoError) || !OUTAGE_KINDS.has(error.kind)) return;
      failuresInRow += 1;
      if (failuresInRow >= workers) outage ??= { since: now(), reason: error.message };
      else if (outage) outage = { ...outage, reason: error.message };
    },
    /** Reads a minute at the pace so far, or null while too little has been seen. */
    perMinute(): number | null {
      const t = now();
      trim(t);
      if (startedAt === null || t - startedAt < MIN_OBSERVED_MS || finished.length === 0) {
        return null;
      }
      const span = Math.min(WINDOW_MS, t - startedAt);
      return (finished.length * 60_000) / span;
    },
    outage: () => outage,
  };
}
