import { INVALID_PAGE_FALLBACK, MAX_PAGE_SIZE } from "./unknowns";

/** Datto's paged envelope (API.md §4): 0-based `page`, `max` capped at 250, absolute next URL. */
interface PageRequest {
  page: number;
  max: number;
}

export function readPageRequest(query: (key: string) => string | undefined): PageRequest {
  const rawPage = Number.parseInt(query("page") ?? "", 10);
  const rawMax = Number.parseInt(query("max") ?? "", 10);
  return {
    page: Number.isFinite(rawPage) && rawPage > 0 ? rawPage : INVALID_PAGE_FALLBACK,
    max: Number.isFinite(rawMax) && rawMax > 0 ? Math.min(rawMax, MAX_PAGE_SIZE) : MAX_PAGE_SIZE,
  };
}

/**
 * The page URLs carry only `max` and `page`: real tenants drop the filter parameters (API.md §4),
 * so a client that follows nextPageUrl blindly silently loses its filter.
 */
export function pageEnvelope<T, K extends string, U = T>(
  key: K,
  items: readonly T[],
  request: PageRequest,
  publicBaseUrl: string,
  pathname: string,
  map: (item: T) => U = (item) => item as unknown as U,
): { pageDetails: PageDetails } & Record<K, U[]> {
  const { page, max } = request;
  const start = page * max;
  const slice = items.slice(start, start + max).map(map);
  const url = (p: number) => `${publicBaseUrl}${pathname}?max=${max}&page=${p}`;
  const pageDetails: PageDetails = {
    count: slice.length,
    totalCount: items.length,
    prevPageUrl: page > 0 ? url(page - 1) : null,
    nextPageUrl: start + max < items.length ? url(page + 1) : null,
  };
  return { pageDetails, [key]: slice } as { pageDetails: PageDetails } & Record<K, U[]>;
}

export interface PageDetails {
  count: number;
  totalCount: number;
  prevPageUrl: string | null;
  nextPageUrl: string | null;
}
