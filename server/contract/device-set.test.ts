import { describe, expect, it } from "vitest";
import { DeviceQuerySchema, deviceQueryToSearchParams } from "./devices";
import { MAX_PICKED_DEVICES } from "./device-set";

describe("device set params", () => {
  it("reads uid lists from the URL and writes them back unchanged", () => {
    const query = DeviceQuerySchema.parse({ status: "online", uids: "a-1,b-2", exceptUids: "c" });
    expect(query).toEqual({ status: "online", uids: ["a-1", "b-2"], exceptUids: ["c"] });
    expect(DeviceQuerySchema.parse(query)).toEqual(query);
    expect(deviceQueryToSearchParams(query).toString()).toBe(
      "status=online&uids=a-1%2Cb-2&exceptUids=c",
    );
  });

  it("refuses too many uids, a uid with a dot and a within that is not a device set", () => {
    const many = Array.from({ length: MAX_PICKED_DEVICES + 1 }, (_, i) => `d${i}`).join(",");
    expect(DeviceQuerySchema.safeParse({ uids: many }).error?.issues[0]?.message).toBe(
      `uids can list at most ${MAX_PICKED_DEVICES} devices.`,
    );
    expect(DeviceQuerySchema.safeParse({ uids: "../x" }).success).toBe(false);
    expect(DeviceQuerySchema.safeParse({ within: "status=sideways" }).success).toBe(false);
    // A Datto saved filter cannot be resolved inside `within`: refused, never dropped.
    expect(DeviceQuerySchema.safeParse({ within: "filterId=3" }).success).toBe(false);
    expect(DeviceQuerySchema.safeParse({ within: "q=ws&exceptUids=a" }).success).toBe(true);
  });
});
