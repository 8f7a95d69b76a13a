import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { AlertQueueQuerySchema, type AlertQueueQuery } from "@server/contract/alerts";
import { queueParams } from "@/entities/alert/alert-queries";

export const GROUPS = ["site", "device", "class"] as const;
export type Group = (typeof GROUPS)[number];

export type AlertUrlState = {
  query: AlertQueueQuery;
  /** Grouping of the queue (a summary of groups above the rows), or none. */
  group: Group | null;
  /** The alert whose detail panel is open. */
  open: string | null;
  ignored: string[];
};

const VIEW_ONLY = ["group", "alert"];

/** Parses with the API's own schema; an invalid param is dropped (and reported), not fatal. */
export function parseAlertUrl(params: URLSearchParams): AlertUrlState {
  const raw: Record<string, string> = Object.fromEntries(params);
  for (const key of VIEW_ONLY) delete raw[key];
  const ignored: string[] = [];
  let parsed = AlertQueueQuerySchema.safeParse(raw);
  while (!parsed.success) {
    const key = parsed.error.issues[0]?.path[0];
    if (typeof key !== "string" || !(key in raw))
      return { query: {}, group: null, open: null, ignored };
    ignored.push(key);
    delete raw[key];
    parsed = AlertQueueQuerySchema.safeParse(raw);
  }
  const group = params.get("group");
  return {
    query: parsed.data,
    group: (GROUPS as readonly string[]).includes(group ?? "") ? (group as Group) : null,
    open: params.get("alert"),
    ignored,
  };
}

export function alertViewSearch(query: AlertQueueQuery, group: Group | null): string {
  const params = new URLSearchParams(queueParams(query));
  if (group) params.set("group", group);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The queue's view (filters, order, grouping, the open alert) lives in the URL: a shareable link. */
export function useAlertUrlState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseAlertUrl(params), [params]);
  const write = useCallback(
    (next: AlertQueueQuery, group: Group | null, open: string | null, push = false) => {
      const search = new URLSearchParams(queueParams(next));
      if (group) search.set("group", group);
      if (open) search.set("alert", open);
      setParams(search, { replace: !push });
    },
    [setParams],
  );
  const setQuery = useCallback(
    (patch: Partial<AlertQueueQuery>) =>
      write({ ...state.query, ...patch }, state.group, state.open),
    [write, state],
  );
  const setGroup = useCallback(
    (group: Group | null) => write(state.query, group, state.open),
    [write, state],
  );
  // Opening a detail is a history entry: Back closes it and keeps the rows.
  const setOpen = useCallback(
    (open: string | null) => write(state.query, state.group, open, open !== null),
    [write, state],
  );
  const replaceView = useCallback(
    (query: AlertQueueQuery, group: Group | null) => write(query, group, null),
    [write],
  );
  return { ...state, setQuery, setGroup, setOpen, replaceView };
}
