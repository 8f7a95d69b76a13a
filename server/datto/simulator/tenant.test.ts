import { describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import { createSimulator } from "./create-simulator";
import { KNOWN_ALERT_CLASSES } from "./alert-contexts";
import { createTestSim, json } from "../../testing/simulator-helpers";

describe("the seeded tenant", () => {
  it("is the same for the same seed and different for another", () => {
    const at = createManualClock();
    const a = createSimulator({ seed: 7, devices: 300, clock: at }).tenant.listDevices();
    const b = createSimulator({ seed: 7, devices: 300, clock: at }).tenant.listDevices();
    const c = createSimulator({ seed: 8, devices: 300, clock: at }).tenant.listDevices();
    expect(b).toEqual(a);
    expect(c.map((d) => d.uid)).not.toEqual(a.map((d) => d.uid));
  });

  it("scales sites with devices and always has a Deleted Devices site", () => {
    const small = createSimulator({ devices: 5, clock: createManualClock() });
    expect(small.tenant.listSites().map((s) => s.name)).toContain("Deleted Devices");
    expect(small.tenant.listSites()).toHaveLength(4);
    const big = createSimulator({ devices: 4000, clock: createManualClock() });
    expect(big.tenant.listSites().length).toBe(101);
    expect(big.tenant.listDevices()).toHaveLength(4000);
  });

  it("builds a 50,000-device tenant in well under 5 seconds", () => {
    const started = performance.now();
    const sim = createSimulator({ devices: 50_000, clock: createManualClock() });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sim.tenant.listSites().length).toBeGreaterThan(1000);
  });

  it("looks like an MSP's fleet: every class, realistic names, OSes and nulls", () => {
    const devices = createSimulator({
      devices: 1000,
      clock: createManualClock(),
    }).tenant.listDevices();
    const classes = new Set(devices.map((d) => d.deviceClass));
    expect([...classes].sort()).toEqual(["device", "esxihost", "printer", "rmmnetworkdevice"]);
    expect(devices.some((d) => /^[A-Z]+-WS-\d{3}$/.test(d.hostname))).toBe(true);
    expect(devices.some((d) => /^[A-Z]+-DC\d{2}$/.test(d.hostname))).toBe(true);
    const oses = devices.map((d) => d.operatingSystem);
    for (const os of [
      "Windows 11 Pro",
      "Windows 10 Pro",
      "Windows Server 2016",
      "Windows Server 2022",
      "macOS",
      "Ubuntu",
    ]) {
      expect(
        oses.some((o) => (o ?? "").includes(os)),
        os,
      ).toBe(true);
    }
    expect(
      devices.filter((d) => d.deviceClass === "printer").every((d) => d.lastLoggedInUser === null),
    ).toBe(true);
    expect(devices.some((d) => d.warrantyDate === null)).toBe(true);
    expect(devices.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.warrantyDate ?? ""))).toBe(true);
    expect(Object.keys(devices[0]!.udf)).toHaveLength(300);
    expect(devices.some((d) => d.udf.udf1 !== null)).toBe(true);
    expect(devices.some((d) => d.deleted && d.siteName === "Deleted Devices")).toBe(true);
    expect(typeof devices[0]!.lastSeen).toBe("number");
  });

  it("serves audits per device class and 400 for the wrong class", async () => {
    const t = createTestSim({ devices: 400 });
    const devices = t.sim.tenant.listDevices();
    const agent = devices.find((d) => d.deviceClass === "device")!;
    const printer = devices.find((d) => d.deviceClass === "printer")!;
    const esxi = devices.find((d) => d.deviceClass === "esxihost")!;
    const network = devices.find((d) => d.deviceClass === "rmmnetworkdevice")!;
    expect((await t.get(`/v2/audit/device/${agent.uid}`)).status).toBe(200);
    expect((await t.get(`/v2/audit/device/${printer.uid}`)).status).toBe(400);
    expect((await t.get(`/v2/audit/device/${network.uid}`)).status).toBe(400);
    expect((await t.get(`/v2/audit/printer/${printer.uid}`)).status).toBe(200);
    expect((await t.get(`/v2/audit/printer/${agent.uid}`)).status).toBe(400);
    expect((await t.get(`/v2/audit/esxihost/${esxi.uid}`)).status).toBe(200);
    expect((await t.get(`/v2/audit/esxihost/${printer.uid}`)).status).toBe(400);
    expect((await t.get("/v2/audit/device/unknown")).status).toBe(404);
  });

  it("derives 20-120 software entries per agent device, stable between calls", async () => {
    const t = createTestSim({ devices: 200 });
    const agents = t.sim.tenant
      .listDevices()
      .filter((d) => d.deviceClass === "device")
      .slice(0, 15);
    for (const d of agents) {
      const a = await json<{
        software: Array<{ name: string; version: string }>;
        pageDetails: { totalCount: number };
      }>(await t.get(`/v2/audit/device/${d.uid}/software`));
      expect(a.pageDetails.totalCount).toBeGreaterThanOrEqual(20);
      expect(a.pageDetails.totalCount).toBeLessThanOrEqual(120);
      const b = await json<{ software: unknown[] }>(
        await t.get(`/v2/audit/device/${d.uid}/software`),
      );
      expect(b.software).toEqual(a.software);
    }
  });

  it("saved filters select deterministic subsets and work as filterId", async () => {
    const t = createTestSim({ devices: 800 });
    const defaults = await json<{ filters: Array<{ id: number; name: string; type: string }> }>(
      await t.get("/v2/filter/default-filters"),
    );
    const custom = await json<{ filters: Array<{ id: number; name: string; type: string }> }>(
      await t.get("/v2/filter/custom-filters"),
    );
    expect(defaults.filters.every((f) => f.type === "rmm_default")).toBe(true);
    const servers = custom.filters.find((f) => f.name === "Windows servers")!;
    const offline = custom.filters.find((f) => f.name === "Offline > 30 days")!;
    const reboot = custom.filters.find((f) => f.name === "Reboot required")!;
    const all = t.sim.tenant.listDevices().filter((d) => !d.deleted);
    const list = async (id: number) =>
      await json<{
        devices: Array<{
          operatingSystem: string;
          online: boolean;
          lastSeen: number;
          rebootRequired: boolean;
        }>;
        pageDetails: { totalCount: number };
      }>(await t.get(`/v2/account/devices?filterId=${id}&hostname=zzz`));
    const s = await list(servers.id);
    expect(s.pageDetails.totalCount).toBe(
      all.filter((d) => (d.operatingSystem ?? "").includes("Windows Server")).length,
    );
    expect(s.devices.every((d) => d.operatingSystem.includes("Windows Server"))).toBe(true);
    const o = await list(offline.id);
    expect(o.pageDetails.totalCount).toBeGreaterThan(0);
    expect(o.devices.every((d) => !d.online && t.clock.now() - d.lastSeen > 30 * 86_400_000)).toBe(
      true,
    );
    const r = await list(reboot.id);
    expect(r.devices.every((d) => d.rebootRequired)).toBe(true);
    expect(r.pageDetails.totalCount).toBeGreaterThan(0);
    const site = t.sim.tenant.listSites()[0]!;
    const siteFilters = await json<{ filters: Array<{ id: number; type: string }> }>(
      await t.get(`/v2/site/${site.uid}/filters`),
    );
    expect(siteFilters.filters[0]?.type).toBe("site");
    const inSite = await json<{ devices: Array<{ siteUid: string }> }>(
      await t.get(`/v2/site/${site.uid}/devices?filterId=${siteFilters.filters[0]!.id}`),
    );
    expect(inSite.devices.every((d) => d.siteUid === site.uid)).toBe(true);
    expect((await t.get("/v2/account/devices?filterId=42")).status).toBe(404);
  });

  it("alerts cover every known @class, an unknown one and the empty-key trap", () => {
    const sim = createSimulator({ devices: 3000, clock: createManualClock() });
    const alerts = [...sim.tenant.openAlerts(), ...sim.tenant.resolvedAlerts()];
    const classes = new Set(alerts.map((a) => String(a.alertContext["@class"])));
    for (const known of KNOWN_ALERT_CLASSES) expect(classes.has(known), known).toBe(true);
    expect([...classes].some((c) => !(KNOWN_ALERT_CLASSES as readonly string[]).includes(c))).toBe(
      true,
    );
    const trap = alerts.some(
      (a) => "" in a.alertContext || "" in ((a.alertContext as { samples?: object }).samples ?? {}),
    );
    expect(trap).toBe(true);
  });
});
