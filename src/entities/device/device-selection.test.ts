import { describe, expect, it } from "vitest";
import { MAX_PICKED_DEVICES } from "@server/contract/device-set";
import {
  isAllOfView,
  isSelected,
  NO_SELECTION,
  selectAllMatching,
  selectionQuery,
  toggleDevices,
  visibleSelectionQuery,
} from "./device-selection";

describe("device selection", () => {
  it("picked devices: the view narrows what actions get, the selection keeps them all", () => {
    const { selection } = toggleDevices(NO_SELECTION, ["a", "b"], true);
    expect(selectionQuery(selection)).toEqual({ uids: ["a", "b"] });
    const view = { status: "offline" as const, sort: "hostname", dir: "asc" as const };
    expect(visibleSelectionQuery(selection, view)).toEqual({ status: "offline", uids: ["a", "b"] });
    expect(isSelected(selection, "a")).toBe(true);
    expect(isSelected(toggleDevices(selection, ["a"], false).selection, "a")).toBe(false);
  });

  it("refuses more picked devices than a URL can carry, changing nothing", () => {
    const many = Array.from({ length: MAX_PICKED_DEVICES + 1 }, (_, i) => `d${i}`);
    const result = toggleDevices(NO_SELECTION, many, true);
    expect(result.selection).toBe(NO_SELECTION);
    expect(result.refused).toMatch(/At most 200 devices/);
  });

  it("all matching: the same view acts on the filters minus the unticked devices", () => {
    const view = { q: "ws", sort: "lastSeen" };
    let selection = selectAllMatching(view);
    expect(isAllOfView(selection, { q: "ws", dir: "desc" })).toBe(true);
    selection = toggleDevices(selection, ["x"], false).selection;
    expect(isAllOfView(selection, view)).toBe(false);
    expect(selectionQuery(selection)).toEqual({ q: "ws", exceptUids: ["x"] });
    expect(visibleSelectionQuery(selection, view)).toEqual({ q: "ws", exceptUids: ["x"] });
    expect(isSelected(selection, "x")).toBe(false);
    expect(isSelected(selection, "y")).toBe(true);
  });

  it("all matching, then another filter: only what both the view and the selection hold", () => {
    const selection = toggleDevices(selectAllMatching({ q: "ws" }), ["x"], false).selection;
    expect(visibleSelectionQuery(selection, { status: "online" })).toEqual({
      status: "online",
      within: "q=ws&exceptUids=x",
    });
    // A row of the new view outside the selection shows unticked and cannot be ticked into it.
    expect(isSelected(selection, "z", false)).toBe(false);
    const refused = toggleDevices(selection, ["z"], true, () => false);
    expect(refused.selection).toBe(selection);
    expect(refused.refused).toMatch(/not part of the selection/);
  });

  it("cannot carry a Datto saved filter into another view", () => {
    const selection = selectAllMatching({ filterId: 7 });
    expect(visibleSelectionQuery(selection, { filterId: 7, q: "pc" })).toEqual({
      filterId: 7,
      q: "pc",
    });
    expect(visibleSelectionQuery(selection, { q: "pc" })).toBeNull();
  });
});
