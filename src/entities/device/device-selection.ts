import { MAX_EXCEPTED_DEVICES, MAX_PICKED_DEVICES } from "@server/contract/device-set";
import { deviceQueryToSearchParams, type DeviceQuery } from "@server/contract/devices";

/**
 * What a person selected in a device table (decision 0014):
 * - "picked": devices ticked one by one, whatever view they were ticked in;
 * - "matching": every device matching `filters` ("select all N matching"), except the ones
 *   unticked since.
 * Either way the selection stands for a set of devices the server can resolve: actions never get
 * a list of rows the browser happened to load.
 */
export type DeviceSelection =
  | { kind: "picked"; uids: ReadonlySet<string> }
  | { kind: "matching"; filters: DeviceQuery; except: ReadonlySet<string> };

/**
 * What an action acts on: the selected devices the current view shows, as a device query the
 * server resolves (list, count, CSV; later a job's targets), and how many they are.
 */
export type DeviceTarget = { query: DeviceQuery; count: number };

export const NO_SELECTION: DeviceSelection = { kind: "picked", uids: new Set() };

/** Which devices a view shows, not their order or page. */
function viewFilters(query: DeviceQuery): DeviceQuery {
  const {
    sort: _sort,
    dir: _dir,
    offset: _offset,
    limit: _limit,
    uids: _uids,
    exceptUids: _exceptUids,
    within: _within,
    ...filters
  } = query;
  return filters;
}

const filtersKey = (query: DeviceQuery) => deviceQueryToSearchParams(viewFilters(query)).toString();

export function sameFilters(a: DeviceQuery, b: DeviceQuery): boolean {
  return filtersKey(a) === filtersKey(b);
}

const list = (set: ReadonlySet<string>) => (set.size > 0 ? [...set] : undefined);

/** Every device of the selection, wherever it is; null when nothing is selected. */
export function selectionQuery(selection: DeviceSelection): DeviceQuery | null {
  if (selection.kind === "picked")
    return list(selection.uids) ? { uids: [...selection.uids] } : null;
  return { ...selection.filters, exceptUids: list(selection.except) };
}

/**
 * The selected devices that `view` shows, as one query. Null when nothing is selected, or when a
 * "matching" selection used a Datto saved filter that this view no longer uses (the server cannot
 * resolve one inside `within`): the caller then drops the selection and says so.
 */
export function visibleSelectionQuery(
  selection: DeviceSelection,
  view: DeviceQuery,
): DeviceQuery | null {
  const filters = viewFilters(view);
  if (selection.kind === "picked") {
    return selection.uids.size > 0 ? { ...filters, uids: [...selection.uids] } : null;
  }
  const exceptUids = list(selection.except);
  if (sameFilters(selection.filters, filters)) return { ...filters, exceptUids };
  const { filterId, ...rest } = selection.filters;
  if (filterId !== undefined && filterId !== filters.filterId) return null;
  const within = deviceQueryToSearchParams({ ...rest, exceptUids }).toString();
  return { ...filters, within: within || undefined };
}

/** Whether a loaded row shows as selected. `isMember`: does the row match a "matching" selection. */
export function isSelected(selection: DeviceSelection, uid: string, isMember = true): boolean {
  if (selection.kind === "picked") return selection.uids.has(uid);
  return isMember && !selection.except.has(uid);
}

export type ToggleResult = { selection: DeviceSelection; refused: string | null };

/**
 * Ticks or unticks devices. Refuses (and changes nothing) past the caps the URL of a selection
 * can carry, or when ticking a device outside a "matching" selection, which is not a set one can
 * add a device to.
 */
export function toggleDevices(
  selection: DeviceSelection,
  uids: readonly string[],
  select: boolean,
  isMember: (uid: string) => boolean = () => true,
): ToggleResult {
  if (selection.kind === "picked") {
    const next = new Set(selection.uids);
    for (const uid of uids) {
      if (select) next.add(uid);
      else next.delete(uid);
    }
    if (next.size > MAX_PICKED_DEVICES) {
      return {
        selection,
        refused: `At most ${MAX_PICKED_DEVICES} devices can be picked one by one. To act on more, filter the view and use "Select all matching".`,
      };
    }
    return { selection: { kind: "picked", uids: next }, refused: null };
  }
  if (select && uids.some((uid) => !isMember(uid))) {
    return {
      selection,
      refused:
        'That device is not part of the selection ("all matching" an earlier view). Clear the selection to pick devices one by one.',
    };
  }
  const except = new Set(selection.except);
  for (const uid of uids) {
    if (select) except.delete(uid);
    else except.add(uid);
  }
  if (except.size > MAX_EXCEPTED_DEVICES) {
    return {
      selection,
      refused: `At most ${MAX_EXCEPTED_DEVICES} devices can be left out of "all matching". Narrow the filter instead.`,
    };
  }
  return { selection: { ...selection, except }, refused: null };
}

export function selectAllMatching(view: DeviceQuery): DeviceSelection {
  return { kind: "matching", filters: viewFilters(view), except: new Set() };
}

/** True when the selection is exactly "every device this view shows". */
export function isAllOfView(selection: DeviceSelection, view: DeviceQuery): boolean {
  return (
    selection.kind === "matching" &&
    selection.except.size === 0 &&
    sameFilters(selection.filters, view)
  );
}
