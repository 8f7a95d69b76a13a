import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  DeviceQuerySchema,
  deviceQueryToSearchParams,
  type DeviceQuery,
} from "@server/contract/devices";
import { DEFAULT_VISIBLE_COLUMNS } from "@/entities/device/device-columns";

/** Search param holding the visible columns in order; everything else is the DeviceQuery. */
export const COLUMNS_PARAM = "cols";

export type DeviceUrlState = {
  query: DeviceQuery;
  /** Visible column ids in order, "select" first. */
  columns: string[];
  /** Params that were in the URL but not valid, for a notice. */
  ignored: string[];
};

/** A selection's params narrow an action's query, never a view (selections live in the page). */
const SELECTION_PARAMS = ["uids", "exceptUids", "within"];

/** Parses with DeviceQuerySchema; an invalid param is dropped (and reported) instead of failing all. */
export function parseDeviceUrl(params: URLSearchParams): DeviceUrlState {
  const raw: Record<string, string> = Object.fromEntries(params);
  delete raw[COLUMNS_PARAM];
  const ignored = SELECTION_PARAMS.filter((key) => key in raw);
  for (const key of ignored) delete raw[key];
  let parsed = DeviceQuerySchema.safeParse(raw);
  while (!parsed.success) {
    const key = parsed.error.issues[0]?.path[0];
    if (typeof key !== "string" || !(key in raw)) return { query: {}, columns: [], ignored: [] };
    ignored.push(key);
    delete raw[key];
    parsed = DeviceQuerySchema.safeParse(raw);
  }
  const { offset: _offset, limit: _limit, ...query } = parsed.data;
  const cols = params.get(COLUMNS_PARAM);
  const listed = cols?.split(",").filter((c) => c && c !== "select" && c !== "hostname");
  // The checkbox and the hostname are always shown: a row needs a name and a handle.
  const columns = listed ? ["select", "hostname", ...listed] : DEFAULT_VISIBLE_COLUMNS;
  return { query, columns, ignored };
}

/** The URL search string for a view (used by saved views and links). */
export function deviceViewSearch(query: DeviceQuery, columns: readonly string[] | null): string {
  const params = deviceQueryToSearchParams(query);
  if (columns) params.set(COLUMNS_PARAM, columns.filter((c) => c !== "select").join(","));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * The device browser's state lives in the URL so a view is a shareable link. Writes replace the
 * history entry (typing must not create one entry per keystroke).
 */
export function useDeviceUrlState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseDeviceUrl(params), [params]);

  const setQuery = useCallback(
    (patch: Partial<DeviceQuery>) => {
      setParams(
        (current) => {
          const { query, columns } = parseDeviceUrl(current);
          const next = deviceQueryToSearchParams({ ...query, ...patch });
          if (current.has(COLUMNS_PARAM)) {
            next.set(COLUMNS_PARAM, columns.filter((c) => c !== "select").join(","));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setColumns = useCallback(
    (columns: string[]) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(COLUMNS_PARAM, columns.filter((c) => c !== "select").join(","));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { ...state, setQuery, setColumns };
}
