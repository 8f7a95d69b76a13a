import { z } from "zod";
import { PageDetailsSchema } from "../schemas/common";
import { DattoError } from "./datto-error";
import { sortPairs, type QueryPairs } from "./query-string";

export const PageDetailsEnvelopeSchema = z.looseObject({
  pageDetails: PageDetailsSchema.nullish(),
});

export const MAX_PAGES = 1000;
export const PAGE_SIZE = 250;

/**
 * The query for the next page, taken ONLY from nextPageUrl's query string (its host and path are
 * ignored: we never call a host named by a response), with the caller's filters re-added when Datto
 * dropped them (API.md §4). Null when there is no next page.
 */
export function nextPageQuery(
  nextPageUrl: string | null | undefined,
  original: QueryPairs,
): QueryPairs | null {
  if (!nextPageUrl) return null;
  let params: URLSearchParams;
  try {
    params = new URL(nextPageUrl, "http://placeholder.invalid").searchParams;
  } catch {
    throw new DattoError("malformed", "Datto sent a next-page link that is not a URL.");
  }
  const pairs: QueryPairs = [...params.entries()];
  for (const [key, value] of original) {
    if (!params.has(key)) pairs.push([key, value]);
  }
  return sortPairs(pairs);
}

/** Detects a paging loop: the same page asked twice, or far more pages than any tenant has. */
export function createLoopGuard() {
  const seen = new Set<string>();
  return (pairs: QueryPairs) => {
    const key = new URLSearchParams(pairs).toString();
    if (seen.has(key))
      throw new DattoError("malformed", "Datto paging looped back to a page already read.");
    seen.add(key);
    if (seen.size > MAX_PAGES)
      throw new DattoError("malformed", `Datto paging went past ${MAX_PAGES} pages.`);
  };
}
