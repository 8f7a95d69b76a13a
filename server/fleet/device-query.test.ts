import { describe, expect, it } from "vitest";
import { DeviceQuerySchema, type DeviceQuery } from "../contract/devices";
import { queryDevices } from "./device-query";
import { createSnapshot } from "./fleet-snapshot";
import { makeDeviceRow } from "../testing/make-device-row";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 2);

const rows = [
  makeDeviceRow({
    uid: "a",
    hostname: "PC-10",
    lastSeen: NOW - 1 * DAY,
    intIpAddress: "10.0.0.10",
  }),
  makeDeviceRow({ uid: "b", hostname: "pc-2", lastSeen: NOW - 40 * DAY, intIpAddress: "10.0.0.9" }),
  makeDeviceRow({ uid: "c", hostname: "Srv-1", lastSeen: null, udf: { udf7: "Contract Gold" } }),
  makeDeviceRow({ uid: "d", hostname: "Édith-PC", lastSeen: NOW - 2 * DAY, online: false }),
  makeDeviceRow({ uid: "e", hostname: "pc-2", lastSeen: NOW - 3 * DAY, siteUid: "site-b" }),
];
const snapshot = createSnapshot({ fetchedAt: NOW, sites: [], devices: rows });
const run = (raw: Record<string, string>) =>
  queryDevices(snapshot, DeviceQuerySchema.parse(raw) as DeviceQuery, { now: NOW });
const uids = (raw: Record<string, string>) => run(raw).rows.map((r) => r.uid);

describe("queryDevices over one snapshot", () => {
  it("sorts hostnames naturally, case- and accent-insensitively, ties in snapshot order", () => {
    expect(uids({})).toEqual(["d", "b", "e", "a", "c"]);
    expect(uids({ dir: "desc" })).toEqual(["c", "a", "b", "e", "d"]);
  });

  it("puts empty values last in both directions and sorts numbers numerically", () => {
    expect(uids({ sort: "lastSeen" })).toEqual(["b", "e", "d", "a", "c"]);
    expect(uids({ sort: "lastSeen", dir: "desc" })).toEqual(["a", "d", "e", "b", "c"]);
    expect(uids({ sort: "intIpAddress" })).toEqual(["b", "a", "d", "e", "c"]);
    expect(uids({ sort: "udf7" })[0]).toBe("c");
  });

  it("counts every match and returns only the window", () => {
    const page = run({ offset: "1", limit: "2" });
    expect(page).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.uid)).toEqual(["b", "e"]);
    const filtered = run({ q: "pc", offset: "2", limit: "10" });
    expect(filtered.total).toBe(4);
    expect(filtered.rows.map((r) => r.uid)).toEqual(["e", "a"]);
  });

  it("treats never-seen devices as older than any age", () => {
    expect(uids({ lastSeenOlderThanDays: "30" })).toEqual(["b", "c"]);
  });

  it("answers the same query on the same snapshot the same way (cached orders)", () => {
    expect(snapshot.order("lastSeen", "asc")).toBe(snapshot.order("lastSeen", "asc"));
    expect(uids({ sort: "lastSeen" })).toEqual(uids({ sort: "lastSeen" }));
  });
});
