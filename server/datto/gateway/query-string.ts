import type { QueryValue } from "./types";

export type QueryPairs = Array<[string, string]>;

/** Drops undefined/null values and sorts by key, so equal queries give equal cache keys. */
export function toQueryPairs(query: Record<string, QueryValue> | undefined): QueryPairs {
  if (!query) return [];
  return Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] != null)
    .map(([key, value]): [string, string] => [key, String(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function queryString(pairs: QueryPairs): string {
  if (pairs.length === 0) return "";
  const text = new URLSearchParams(pairs).toString();
  return text === "" ? "" : `?${text}`;
}

export function sortPairs(pairs: QueryPairs): QueryPairs {
  return [...pairs].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
}
