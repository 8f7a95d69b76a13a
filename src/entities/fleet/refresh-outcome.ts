import { z } from "zod";
import { FreshnessSchema } from "@server/contract/freshness";
import { parseResponse, type ResponseLike } from "@/lib/api-client";

/** The part of both refresh answers (device and site) this outcome needs. */
const RefreshAnswerSchema = z.object({ freshness: FreshnessSchema });

/** What a person is told after "Refresh from Datto". */
export type RefreshOutcome = {
  /** When the shown data was read from Datto. */
  fetchedAt: number;
  /** Datto could not be read and an older copy is shown; `reason` says why. */
  stale: boolean;
  reason: string | null;
};

/**
 * Reads the answer of POST /api/{devices,sites}/:uid/refresh: the refreshed item with its
 * freshness, or an error (502 when Datto could not be reached: the page keeps its last copy).
 */
export async function readRefreshAnswer(res: ResponseLike, now: number): Promise<RefreshOutcome> {
  const { freshness } = await parseResponse(res, RefreshAnswerSchema);
  // A fresh answer was read from Datto a moment ago: timed by this browser's clock, so a server
  // clock a little off never shows "Refreshed 2 minutes ago" for a click just made.
  if (!freshness.stale) return { fetchedAt: now, stale: false, reason: null };
  return { fetchedAt: freshness.fetchedAt ?? now, stale: true, reason: freshness.reason };
}
