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

  it("lists the UDFs that hold data, with how many devices", () => {
    expect(run({}).udfInUse).toEqual([{ key: "udf7", devices: 1 }]);
  });

  it("answers the same query on the same snapshot the same way (cached orders)", () => {
    expect(snapshot.order("lastSeen", "asc")).toBe(snapshot.order("lastSeen", "asc"));
    expect(uids({ sort: "lastSeen" })).toEqual(uids({ sort: "lastSeen" }));
  });
});

describe("queryDevices: search words and field prefixes", () => {
  const fleet = createSnapshot({
    fetchedAt: NOW,
    sites: [],
    devices: [
      makeDeviceRow({ uid: "w1", hostname: "ACME-LAPTOP", operatingSystem: "Windows 11 Pro" }),
      makeDeviceRow({ uid: "w2", hostname: "WS-0002", operatingSystem: "Windows 10 Pro" }),
      makeDeviceRow({
        uid: "w3",
        hostname: "BEACON-DC01",
        operatingSystem: "Windows Server 2022",
        lastLoggedInUser: "ACME\\ws.admin",
        siteName: "Acme Corp",
      }),
      makeDeviceRow({ uid: "w4", hostname: "WS-0001", operatingSystem: "Windows 11 Pro" }),
      makeDeviceRow({
        uid: "m1",
        hostname: "MAC-01",
        operatingSystem: "macOS 14",
        intIpAddress: "10.1.2.3",
        udf: { udf5: "Gold contract" },
      }),
    ],
  });
  const find = (raw: Record<string, string>) =>
    queryDevices(fleet, DeviceQuerySchema.parse(raw) as DeviceQuery, { now: NOW });
  const found = (raw: Record<string, string>) => find(raw).rows.map((r) => r.uid);

  it("ranks hostname matches first, each group in hostname order", () => {
    // "ws" is in every "Windows": the WS- machines still come first.
    expect(found({ q: "ws" })).toEqual(["w4", "w2", "w1", "w3"]);
    expect(find({ q: "ws", offset: "1", limit: "2" }).rows.map((r) => r.uid)).toEqual(["w2", "w1"]);
    expect(find({ q: "ws" }).total).toBe(4);
  });

  it("keeps a chosen sort as it is", () => {
    expect(found({ q: "ws", sort: "hostname" })).toEqual(["w1", "w3", "w4", "w2"]);
  });

  it("limits a word to one field with host:, user:, ip:, site:, os: and udfN:", () => {
    expect(found({ q: "host:ws" })).toEqual(["w4", "w2"]);
    expect(found({ q: "user:ws" })).toEqual(["w3"]);
    expect(found({ q: "ip:10.1" })).toEqual(["m1"]);
    expect(found({ q: 'site:"acme corp"' })).toEqual(["w3"]);
    expect(found({ q: "os:server" })).toEqual(["w3"]);
    expect(found({ q: "udf5:gold" })).toEqual(["m1"]);
    expect(found({ q: "os:windows host:acme" })).toEqual(["w1"]);
  });

  it("narrows to a selection: uids, exceptUids and within another query", () => {
    expect(found({ uids: "w1,m1,nope" })).toEqual(["w1", "m1"]);
    expect(found({ q: "host:ws", exceptUids: "w2" })).toEqual(["w4"]);
    // What the view "os:windows" shows of the selection "all host:ws except w2".
    const within = new URLSearchParams({ q: "host:ws", exceptUids: "w2" }).toString();
    expect(found({ q: "os:windows", within })).toEqual(["w4"]);
    expect(find({ q: "os:windows", within }).total).toBe(1);
  });
});
