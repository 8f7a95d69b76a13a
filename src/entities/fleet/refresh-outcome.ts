import { ensureOk, type ResponseLike } from "@/lib/api-client";

/** What a person is told after "Refresh from Datto". */
export type RefreshOutcome = {
  /** When the shown data was read from Datto. */
  fetchedAt: number;
  /** Datto could not be read and an older copy is shown; `reason` says why. */
  stale: boolean;
  reason: string | null;
};

/**
 * Reads the answer of POST /api/{devices,sites}/:uid/refresh. Today the server answers 202 once its
 * index holds what Datto sent, and an error when Datto fails; the refreshed item with its freshness
 * is coming (issue 8). This is the one place that knows the answer's shape.
 */
export async function readRefreshAnswer(res: ResponseLike, now: number): Promise<RefreshOutcome> {
  await ensureOk(res);
  return { fetchedAt: now, stale: false, reason: null };
}
