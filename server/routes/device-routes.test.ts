import { describe, expect, it } from "vitest";
import type { DeviceListResponse, DeviceRow } from "../contract/devices";
import { naturalKey } from "../fleet/sort-keys";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

type Wire = ReturnType<TestApp["sim"]["tenant"]["listDevices"]>[number];
type Synced = TestApp & { viewer: Awaited<ReturnType<TestApp["signIn"]>> };

/** 60 devices (seed 7 has every device class) synced into the fleet index; a viewer signed in. */
const testApp = testAppsClosedAfterEach({ devices: 60, seed: 7 });
async function synced(): Promise<Synced> {
  const t = await testApp();
  return Object.assign(t, { viewer: await t.signIn("viewer") });
}

const list = (t: Synced, qs = "") => t.viewer.getJson<DeviceListResponse>(`/api/devices${qs}`);
/** Asks again until Datto's saved filter has been read in the background. */
async function filterReady(t: Synced, qs: string) {
  for (let i = 0; i < 500; i++) {
    const answer = await list(t, qs);
    if (answer.filter?.state === "ready") return answer;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the filter in ${qs} was never read`);
}
const uidsOf = async (t: Synced, qs: string) =>
  new Set((await list(t, `?limit=500&${qs}`)).rows.map((r) => r.uid));
const expected = (t: TestApp, test: (d: Wire) => boolean) =>
  new Set(
    t.sim.tenant
      .listDevices()
      .filter(test)
      .map((d) => d.uid),
  );

describe("GET /api/devices: structured filters", () => {
  it("filters by each structured field exactly like the vendor data says", async () => {
    const t = await synced();
    const wire = t.sim.tenant.listDevices();
    const site = wire[0]!.siteUid!;
    const now = t.clock.now();
    const cases: Array<[string, (d: Wire) => boolean]> = [
      [`siteUid=${site}`, (d) => d.siteUid === site],
      ["status=online", (d) => d.online === true],
      ["status=offline", (d) => d.online !== true],
      ["deviceClass=printer", (d) => d.deviceClass === "printer"],
      ["deviceClass=esxihost", (d) => d.deviceClass === "esxihost"],
      [
        "deviceType=laptop",
        (d) =>
          d.deviceType?.category?.toLowerCase() === "laptop" ||
          d.deviceType?.type?.toLowerCase() === "laptop",
      ],
      ["deviceType=Server", (d) => d.deviceType?.category === "Server"],
      [
        "os=windows%20server",
        (d) => (d.operatingSystem ?? "").toLowerCase().includes("windows server"),
      ],
      ["rebootRequired=true", (d) => d.rebootRequired === true],
      ["rebootRequired=false", (d) => d.rebootRequired !== true],
      ["patchStatus=InstallError", (d) => d.patchManagement?.patchStatus === "InstallError"],
      ["antivirusStatus=NotRunning", (d) => d.antivirus?.antivirusStatus === "NotRunning"],
      [
        "lastSeenOlderThanDays=3",
        (d) => d.lastSeen == null || Number(d.lastSeen) < now - 3 * 86_400_000,
      ],
      [
        "lastAuditOlderThanDays=1",
        (d) => d.lastAuditDate == null || Number(d.lastAuditDate) < now - 86_400_000,
      ],
      [
        "udf=1:gold",
        (d) =>
          String(d.udf?.udf1 ?? "")
            .toLowerCase()
            .includes("gold"),
      ],
      ["udf=1:", (d) => Boolean(d.udf?.udf1)],
      [
        "status=online&deviceClass=device&rebootRequired=true",
        (d) => d.online === true && d.deviceClass === "device" && d.rebootRequired === true,
      ],
    ];
    for (const [qs, test] of cases) {
      const want = expected(t, test);
      expect(await uidsOf(t, qs), qs).toEqual(want);
    }
    // Every case above must select something and leave something out, or it proves nothing.
    for (const [qs, test] of cases.slice(0, -1)) {
      const n = expected(t, test).size;
      expect(n > 0 && n < wire.length, `${qs} selects ${n}`).toBe(true);
    }
  });

  it("intersects with a Datto saved filter (filterId), read in the background", async () => {
    const t = await synced();
    // The first answer comes at once and says the filter is being read from Datto.
    const first = await list(t, "?filterId=1006");
    expect(first).toMatchObject({
      total: 0,
      rows: [],
      filter: { filterId: 1006, state: "resolving" },
    });
    await filterReady(t, "?filterId=1006");
    await filterReady(t, "?filterId=5004");
    // Simulator filter 1006 "Reboot Required" and 5004 "Gold contract" (UDF1 = Gold).
    expect(await uidsOf(t, "filterId=1006")).toEqual(
      expected(t, (d) => d.rebootRequired === true && !d.deleted),
    );
    expect(await uidsOf(t, "filterId=5004&status=online")).toEqual(
      expected(t, (d) => d.udf?.udf1 === "Gold" && d.online === true && !d.deleted),
    );
  });
});

describe("GET /api/devices: Datto saved filters", () => {
  it("answers 404 for an id that is not one of the account's filters, without walking it", async () => {
    const t = await synced();
    const before = t.sim.control.counters().byRoute["GET /v2/account/devices"] ?? 0;
    for (const id of [987654, 987655, 987656]) {
      const res = await t.viewer.request(`/api/devices?filterId=${id}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        `no Datto filter ${id}`,
      );
    }
    expect(t.sim.control.counters().byRoute["GET /v2/account/devices"] ?? 0).toBe(before);
  });

  it("keeps a resolved filter: later queries cost Datto nothing", async () => {
    const t = await synced();
    await filterReady(t, "?filterId=1006");
    const before = t.sim.control.counters().reads;
    for (const extra of ["", "&status=online", "&sort=lastSeen&dir=desc", "&q=a"]) {
      expect((await list(t, `?filterId=1006${extra}`)).filter?.state).toBe("ready");
    }
    expect(t.sim.control.counters().reads).toBe(before);
  });
});

describe("GET /api/devices: free text", () => {
  it("finds a device by each searchable field, case-insensitively, and only matching devices", async () => {
    const t = await synced();
    const rows = (await list(t, "?limit=500")).rows;
    const fields: Array<[string, (r: DeviceRow) => string | null | undefined]> = [
      ["hostname", (r) => r.hostname],
      ["last user", (r) => r.lastLoggedInUser?.split("\\").pop()],
      ["internal IP", (r) => r.intIpAddress],
      ["external IP", (r) => r.extIpAddress],
      ["OS", (r) => r.operatingSystem?.split(" ").slice(0, 3).join(" ")],
      ["site", (r) => r.siteName],
      ["UDF value", (r) => Object.values(r.udf)[0]],
    ];
    for (const [label, value] of fields) {
      const device = rows.find((r) => value(r));
      expect(device, label).toBeDefined();
      const term = value(device!)!.toUpperCase();
      const found = (await list(t, `?limit=500&q=${encodeURIComponent(term)}`)).rows;
      expect(
        found.map((r) => r.uid),
        label,
      ).toContain(device!.uid);
      for (const r of found) {
        const hay = [
          r.hostname,
          r.lastLoggedInUser,
          r.intIpAddress,
          r.extIpAddress,
          r.operatingSystem,
          r.siteName,
          r.description,
          ...Object.values(r.udf),
        ]
          .join("\n")
          .toLowerCase();
        expect(hay, `${label}: ${r.hostname}`).toContain(term.toLowerCase());
      }
    }
  });

  it("needs every word of a multi-word search", async () => {
    const t = await synced();
    const rows = (await list(t, "?limit=500")).rows;
    const d = rows.find((r) => r.lastLoggedInUser)!;
    const q = `${d.hostname.toLowerCase()} ${d.siteName.split(" ")[0]}`;
    const found = (await list(t, `?q=${encodeURIComponent(q)}`)).rows;
    expect(found.map((r) => r.uid)).toContain(d.uid);
    expect((await list(t, `?q=${encodeURIComponent(`${d.hostname} zzzz-nothing`)}`)).total).toBe(0);
  });
});

const isOrdered = (values: Array<number | string | null>, dir: "asc" | "desc") => {
  const present = values.filter((v) => v !== null);
  const firstNull = values.indexOf(null);
  if (firstNull >= 0 && values.slice(firstNull).some((v) => v !== null)) return false;
  return present.every(
    (v, i) => i === 0 || (dir === "asc" ? present[i - 1]! <= v : present[i - 1]! >= v),
  );
};

describe("GET /api/devices: sort and paging", () => {
  it("sorts by several columns both ways, empty values last, ties in hostname order", async () => {
    const t = await synced();
    const columns: Array<[string, (r: DeviceRow) => number | string | null]> = [
      ["hostname", (r) => naturalKey(r.hostname)],
      ["lastSeen", (r) => r.lastSeen],
      ["siteName", (r) => naturalKey(r.siteName)],
      ["lastAuditDate", (r) => r.lastAuditDate],
      ["udf1", (r) => (r.udf.udf1 ? naturalKey(r.udf.udf1) : null)],
      [
        "openAlerts",
        (r) =>
          r.openAlerts.critical * 1e8 +
          r.openAlerts.high * 1e6 +
          r.openAlerts.moderate * 1e4 +
          r.openAlerts.low * 1e2 +
          r.openAlerts.information,
      ],
    ];
    for (const [sort, key] of columns) {
      for (const dir of ["asc", "desc"] as const) {
        const rows = (await list(t, `?limit=500&sort=${sort}&dir=${dir}`)).rows;
        expect(rows.length).toBe(t.sim.tenant.listDevices().length);
        expect(isOrdered(rows.map(key), dir), `${sort} ${dir}`).toBe(true);
        // Stable: equal keys keep hostname order.
        for (let i = 1; i < rows.length; i++) {
          if (key(rows[i - 1]!) === key(rows[i]!) && key(rows[i]!) !== null) {
            expect(
              naturalKey(rows[i - 1]!.hostname) <= naturalKey(rows[i]!.hostname),
              `${sort} ${dir} tie`,
            ).toBe(true);
          }
        }
      }
    }
    const online = (await list(t, "?limit=500&sort=online&dir=desc")).rows.map((r) => r.online);
    expect(online.indexOf(false)).toBeGreaterThan(0);
    expect(online.slice(online.indexOf(false)).every((o) => !o)).toBe(true);
  });

  it("returns windows that tile the full ordered list, with the total of all matches", async () => {
    const t = await synced();
    const qs = "sort=lastSeen&dir=desc&status=online";
    const full = (await list(t, `?limit=500&${qs}`)).rows.map((r) => r.uid);
    const pages: string[] = [];
    for (let offset = 0; offset < full.length; offset += 7) {
      const page = await list(t, `?offset=${offset}&limit=7&${qs}`);
      expect(page).toMatchObject({ total: full.length, offset, limit: 7 });
      pages.push(...page.rows.map((r) => r.uid));
    }
    expect(pages).toEqual(full);
    const beyond = await list(t, `?offset=${full.length + 10}&${qs}`);
    expect(beyond).toMatchObject({ total: full.length, rows: [] });
  });
});

describe("GET /api/devices: bad input", () => {
  it("answers 400 with a message naming each bad parameter", async () => {
    const t = await synced();
    const cases: Array<[string, string]> = [
      ["status=maybe", "status must be online or offline"],
      ["limit=501", "limit can be at most 500"],
      ["offset=-1", "offset cannot be negative"],
      ["offset=abc", "offset must be a number"],
      ["sort=password", "sort must be a column key"],
      ["sort=udf301", "sort must be a column key"],
      ["dir=up", "dir must be asc or desc"],
      ["udf=0:x", "udf must look like 7:text"],
      ["udf=abc", "udf must look like 7:text"],
      ["rebootRequired=yes", "rebootRequired must be true or false"],
      ["patchStatus=Great", "patchStatus must be one of"],
      ["deviceClass=toaster", "deviceClass must be one of"],
      ["lastSeenOlderThanDays=1.5", "whole number of days"],
      ["filterId=x", "filterId must be a number"],
    ];
    for (const [qs, message] of cases) {
      const res = await t.viewer.request(`/api/devices?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message, qs).toContain(message);
    }
  });

  it("needs a signed-in user", async () => {
    const t = await synced();
    expect((await t.request("/api/devices")).status).toBe(401);
  });
});
