import { describe, expect, it } from "vitest";
import { DeviceQuerySchema } from "@server/contract/devices";
import { DEFAULT_VISIBLE_COLUMNS } from "@/entities/device/device-columns";
import { deviceViewSearch, parseDeviceUrl } from "./use-device-url-state";

describe("parseDeviceUrl", () => {
  it("reads the query with the contract's schema and drops paging", () => {
    const state = parseDeviceUrl(
      new URLSearchParams(
        "q=acme&status=offline&rebootRequired=true&lastSeenOlderThanDays=7&offset=400",
      ),
    );
    expect(state.query).toEqual({
      q: "acme",
      status: "offline",
      rebootRequired: true,
      lastSeenOlderThanDays: 7,
    });
    expect(state.columns).toEqual(DEFAULT_VISIBLE_COLUMNS);
    expect(state.ignored).toEqual([]);
  });

  it("ignores an invalid parameter instead of the whole link, and says which", () => {
    const state = parseDeviceUrl(new URLSearchParams("status=sideways&os=Windows&sort=nonsense"));
    expect(state.query).toEqual({ os: "Windows" });
    expect(state.ignored.sort()).toEqual(["sort", "status"]);
  });

  it("leaves a selection's params out of a view", () => {
    const state = parseDeviceUrl(new URLSearchParams("q=pc&uids=a,b&within=q%3Dws"));
    expect(state.query).toEqual({ q: "pc" });
    expect(state.ignored).toEqual(["uids", "within"]);
  });

  it("keeps the checkbox and hostname first whatever the column list says", () => {
    const state = parseDeviceUrl(new URLSearchParams("cols=lastSeen,udf7,hostname"));
    expect(state.columns).toEqual(["select", "hostname", "lastSeen", "udf7"]);
  });

  it("round-trips a view through its link", () => {
    const query = DeviceQuerySchema.parse({
      siteUid: "s-1",
      patchStatus: "InstallError",
      udf: "3:gold",
      sort: "lastSeen",
      dir: "desc",
    });
    const search = deviceViewSearch(query, ["select", "hostname", "udf3"]);
    const back = parseDeviceUrl(new URLSearchParams(search));
    expect(back.query).toEqual(query);
    expect(back.columns).toEqual(["select", "hostname", "udf3"]);
  });
});
