import type { FleetSyncStatus } from "@server/contract/sync";
import { formatDuration } from "@/lib/format";

/** Below this much progress the pace says nothing yet. */
const MIN_PAGES = 2;
const MIN_ELAPSED_MS = 3_000;

const count = (n: number) => n.toLocaleString();

/**
 * The time left at the pace so far, from Datto's pages: they include the lists read after the
 * devices (open alerts), which a pace in devices would leave out. Null until the pace says much.
 */
function timeLeft(sync: FleetSyncStatus, now: number): number | null {
  const { pagesDone, pagesTotal, startedAt } = sync;
  const elapsed = startedAt === null ? 0 : now - startedAt;
  if (pagesTotal === null || pagesDone < MIN_PAGES || elapsed < MIN_ELAPSED_MS) return null;
  return ((pagesTotal - pagesDone) * elapsed) / pagesDone;
}

/**
 * A sync's progress for a technician: devices read of the devices the account holds and the time
 * left ("Syncing 12,400 of 50,000 devices, about 40 s left"), never pages, which are Datto's unit.
 */
export function syncEstimate(
  sync: FleetSyncStatus,
  now: number,
): { text: string; percent: number | null } {
  const { devicesDone, devicesTotal } = sync;
  if (devicesTotal === null || devicesTotal === 0) {
    const read = devicesDone > 0 ? `: ${count(devicesDone)} devices read` : "";
    return { text: `Syncing with Datto${read}…`, percent: null };
  }
  const percent = Math.min(100, Math.floor((devicesDone / devicesTotal) * 100));
  const left = timeLeft(sync, now);
  const when = left === null ? "estimating the time left…" : `${formatDuration(left)} left`;
  return {
    text: `Syncing ${count(devicesDone)} of ${count(devicesTotal)} devices, ${when}`,
    percent,
  };
}
