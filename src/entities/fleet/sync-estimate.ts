import type { FleetSyncStatus } from "@server/contract/sync";
import { formatDuration } from "@/lib/format";

/** Below this much progress the pace says nothing yet. */
const MIN_PAGES = 2;
const MIN_ELAPSED_MS = 3_000;

/**
 * A sync's progress for a technician: a share done and the time left at the pace so far, never
 * the pages it is counted in (a page is Datto's unit, not theirs).
 */
export function syncEstimate(
  sync: FleetSyncStatus,
  now: number,
): { text: string; percent: number | null } {
  const { pagesDone, pagesTotal, startedAt } = sync;
  const elapsed = startedAt === null ? 0 : now - startedAt;
  if (pagesTotal === null || pagesTotal === 0) {
    return { text: "Reading the fleet from Datto…", percent: null };
  }
  const percent = Math.min(100, Math.floor((pagesDone / pagesTotal) * 100));
  if (pagesDone < MIN_PAGES || elapsed < MIN_ELAPSED_MS) {
    return {
      text: `Reading the fleet from Datto: ${percent}% done, estimating the time left…`,
      percent,
    };
  }
  const left = ((pagesTotal - pagesDone) * elapsed) / pagesDone;
  return {
    text: `Reading the fleet from Datto: ${percent}% done, ${formatDuration(left)} left`,
    percent,
  };
}
