import { describe, expect, it } from "vitest";
import { DEVICE_COLUMN_KEYS, type DeviceQuery, type DeviceRow } from "../contract/devices";
import { makeDeviceRow } from "../testing/make-device-row";
import { queryDevices } from "./device-query";
import { createSnapshot, withAlertCounts } from "./fleet-snapshot";
import { naturalKey, sortedOrder, sortRanks } from "./sort-keys";
import { createTextIndex } from "./text-index";

/**
 * Decision 0031 replaced the joined-text search and the comparator sorts with coded fields and
 * ranks. These tests hold the new forms to the old ones (written out below as the reference) on a
 * fleet large enough that some fields are coded and others scanned.
 */

let seed = 11;
const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
const maybe = <T>(v: T) => (rnd(5) === 0 ? null : v);

const OS = ["Windows 11 Pro", "Windows 10 Pro 22H2", "macOS 14.4", "Ubuntu 22.04", "ÉtéOS 1"];
const SITES = ["Acme Corp", "Birch & Sons", "Café Ünïcode", "Harbour", "River Bank"];
const ips = () =>
  pick([
    `10.${rnd(3)}.${rnd(20)}.${rnd(255)}`,
    `192.168.${rnd(3)}.${rnd(40)}`,
    `fe80::1c2:${rnd(9)}`,
    `10.0.0.${rnd(12)}`,
  ]);

const devices: DeviceRow[] = Array.from({ length: 1200 }, (_, i) =>
  makeDeviceRow({
    uid: `d${i}`,
    hostname: pick(["WS", "ws", "SRV", "Pc", "DESKTOP"]) + `-${rnd(400)}${pick(["", "a", "B"])}`,
    siteName: pick(SITES),
    operatingSystem: maybe(pick(OS)),
    lastLoggedInUser: maybe(`CORP\\${pick(["smith", "jones", "Ngo"])}${rnd(300)}`),
    intIpAddress: maybe(ips()),
    extIpAddress: maybe(`81.2.${rnd(4)}.${rnd(99)}`),
    description: maybe(pick(["Front desk", "Lab\u0001machine", ""])),
    lastSeen: rnd(4) === 0 ? null : 1_700_000_000_000 + rnd(50) * 60_000,
    online: rnd(2) === 0,
    patchStatus: maybe(pick(["FullyPatched", "NoData"])),
    udf: {
      ...(rnd(2) ? { udf1: pick(["Gold", "silver", "BRONZE"]) } : {}),
      ...(rnd(3) ? { udf5: `SN-${rnd(100_000)}` } : {}),
    },
  }),
);

/** The haystack of decision 0007: every field joined, lower-cased. */
const haystack = (d: DeviceRow) =>
  [
    d.hostname,
    d.lastLoggedInUser,
    d.intIpAddress,
    d.extIpAddress,
    d.operatingSystem,
    d.siteName,
    d.description,
    ...Object.values(d.udf),
  ]
    .filter((p) => p)
    .join("\n")
    .toLowerCase()
    .split("\u0001")
    .join(" ");

describe("free text (text-index.ts) against one joined text per device", () => {
  const index = createTextIndex(devices);
  const texts = devices.map(haystack);
  // In typing order, so later words narrow from kept ones; and back again.
  const terms = [
    "w",
    "ws",
    "ws-",
    "ws-1",
    "ws-12",
    "ws-123",
    "ws-12",
    "10.",
    "10.0",
    "10.0.0.1",
    "ébé",
    "été",
    "étéos",
    "café",
    "acme",
    "corp\\",
    "corp\\smith1",
    "gold",
    "sn-",
    "sn-4",
    "sn-42",
    "lab machine",
    "pro\n10",
    "smith",
    "zzz",
    "fe80",
    ":1c2",
    "81.2.3",
    "desk",
  ];
  for (const term of terms) {
    it(`"${term.replace("\n", "\\n")}" hits the devices whose text holds it`, () => {
      const hits = index.hits(term);
      const got = devices.filter((_, i) => hits[i] === 1).map((d) => d.uid);
      const want = devices.filter((_, i) => texts[i]!.includes(term)).map((d) => d.uid);
      expect(got).toEqual(want);
    });
  }
});

/** The comparator sort of decision 0007 over the same keys. */
function referenceOrder(column: string, dir: "asc" | "desc"): number[] {
  const sign = dir === "asc" ? 1 : -1;
  const key = referenceKeys(column);
  return devices
    .map((_, i) => i)
    .sort((a, b) => {
      const x = key[a]!;
      const y = key[b]!;
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      return x === y ? a - b : (x < y ? -1 : 1) * sign;
    });
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
function referenceKeys(column: string): Array<string | number | null> {
  const text = (v: string | null | undefined) => (v ? naturalKey(v) : null);
  const ip = (v: string | null) => {
    if (!v) return null;
    const m = ipv4.exec(v);
    return m
      ? m
          .slice(1)
          .map((p) => p.padStart(3, "0"))
          .join(".")
      : naturalKey(v);
  };
  return devices.map((d) => {
    switch (column) {
      case "lastSeen":
        return d.lastSeen;
      case "online":
        return d.online ? 1 : 0;
      case "intIpAddress":
        return ip(d.intIpAddress);
      case "extIpAddress":
        return ip(d.extIpAddress);
      case "udf1":
      case "udf5":
        return text(d.udf[column]);
      default:
        return text((d as unknown as Record<string, string | null>)[column]);
    }
  });
}

describe("sort orders (ranks + counting sort) against a comparator sort", () => {
  const columns = [
    "hostname",
    "siteName",
    "operatingSystem",
    "lastLoggedInUser",
    "intIpAddress",
    "extIpAddress",
    "description",
    "patchStatus",
    "lastSeen",
    "online",
    "udf1",
    "udf5",
  ];
  it("covers real column keys", () => {
    for (const c of columns.filter((c) => !c.startsWith("udf"))) {
      expect(DEVICE_COLUMN_KEYS).toContain(c);
    }
  });
  for (const column of columns) {
    for (const dir of ["asc", "desc"] as const) {
      it(`${column} ${dir}`, () => {
        const order = [...sortedOrder(sortRanks(devices, column), dir)];
        expect(order).toEqual(referenceOrder(column, dir));
      });
    }
  }
  it("orders IPv4 numerically and falls back to text when a value is not IPv4", () => {
    const only = (ips: string[]) =>
      ips.map((ip, i) => makeDeviceRow({ uid: `i${i}`, intIpAddress: ip }));
    const v4 = only(["10.0.0.10", "10.0.0.9", "9.255.0.1"]);
    expect([...sortedOrder(sortRanks(v4, "intIpAddress"), "asc")]).toEqual([2, 1, 0]);
    const mixed = only(["10.0.0.10", "fe80::1", "10.0.0.9"]);
    expect([...sortedOrder(sortRanks(mixed, "intIpAddress"), "asc")]).toEqual([2, 0, 1]);
  });
});

describe("new alert counts carry the snapshot's indexes over", () => {
  it("answers as a snapshot built from scratch, sorting by open alerts anew", () => {
    const before = createSnapshot({ fetchedAt: 1, sites: [], devices });
    const queries: DeviceQuery[] = [
      { q: "ws-1", sort: "openAlerts", dir: "desc" },
      { sort: "openAlerts" },
      { q: "acme", sort: "siteName" },
      { patchStatus: "NoData", sort: "lastSeen", dir: "desc" },
    ];
    for (const q of queries) queryDevices(before, q, { now: 0 }); // fill the caches
    const counted = before.devices.map((d, i) =>
      i % 7 === 0 ? { ...d, openAlerts: { ...d.openAlerts, total: 1, critical: i % 3 } } : d,
    );
    const carried = withAlertCounts(before, counted);
    const fresh = createSnapshot({ fetchedAt: 1, sites: [], devices: counted });
    for (const q of [...queries, { limit: 500 }]) {
      const got = queryDevices(carried, { ...q, limit: 500 }, { now: 0 });
      const want = queryDevices(fresh, { ...q, limit: 500 }, { now: 0 });
      expect(got.total).toBe(want.total);
      expect(got.rows.map((r) => [r.uid, r.openAlerts.critical])).toEqual(
        want.rows.map((r) => [r.uid, r.openAlerts.critical]),
      );
    }
  });
});

describe("kept matches (device-query.ts)", () => {
  const uidsOf = (s: ReturnType<typeof createSnapshot>, q: DeviceQuery, now = 0) =>
    queryDevices(s, q, { now }).rows.map((r) => r.uid);
  it("later windows and other sorts of a kept search answer as a fresh snapshot does", () => {
    const warm = createSnapshot({ fetchedAt: 1, sites: [], devices });
    const queries: DeviceQuery[] = [
      { q: "ws" },
      { q: "ws", offset: 100 },
      { q: "ws", sort: "lastSeen" },
      { q: "ws", sort: "lastSeen", dir: "desc", offset: 50 },
      { q: "ws" },
      { q: "ws smith", patchStatus: "NoData" },
      { q: "ws smith", patchStatus: "NoData", sort: "hostname", offset: 3 },
    ];
    for (const q of queries) {
      const fresh = createSnapshot({ fetchedAt: 1, sites: [], devices });
      expect(uidsOf(warm, q)).toEqual(uidsOf(fresh, q));
    }
  });
  it("does not keep a filter relative to now", () => {
    const s = createSnapshot({ fetchedAt: 1, sites: [], devices });
    const q: DeviceQuery = { lastSeenOlderThanDays: 1, limit: 500 };
    const early = queryDevices(s, q, { now: 1_700_000_000_000 }).total;
    const late = queryDevices(s, q, { now: 1_700_000_000_000 + 30 * 86_400_000 }).total;
    expect(early).toBeLessThan(late);
  });
});
