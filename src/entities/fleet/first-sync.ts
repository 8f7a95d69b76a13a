import type { Freshness } from "@server/contract/freshness";
import type { FleetSyncStatus } from "@server/contract/sync";

/**
 * Nothing to show yet: the fleet index has not finished reading Datto for the first time (and has
 * not failed at it either: then the list says why instead).
 */
export function isFirstSync(
  answer: { sync: FleetSyncStatus; freshness: Freshness } | undefined,
): boolean {
  return (
    answer !== undefined && answer.freshness.fetchedAt === null && answer.sync.state !== "error"
  );
}

/** Lists poll during the first sync: its progress moves, and rows appear, without a reload. */
export const FIRST_SYNC_POLL_MS = 2_000;
