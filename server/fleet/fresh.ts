import type { Freshness } from "../contract/freshness";
import type { Fresh } from "../datto/gateway/types";

/** Freshness of one gateway answer. */
export function fromFresh(fresh: Pick<Fresh<unknown>, "fetchedAt" | "stale">): Freshness {
  return {
    fetchedAt: fresh.fetchedAt,
    stale: fresh.stale,
    reason: fresh.stale ? "Datto could not be reached; this is the last copy fetched." : null,
  };
}
