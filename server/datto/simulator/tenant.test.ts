import { describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import { createSimulator } from "./create-simulator";
import { KNOWN_ALERT_CLASSES } from "./alert-classes";
import { UNKNOWN_ALERT_CLASS } from "./unknowns";
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

  it("shows every device class and platform even in a small tenant", () => {
    for (const seed of [1, 2, 3]) {
      const devices = createSimulator({
        seed,
        devices: 40,
        clock: createManualClock(),
      }).tenant.listDevices();
      const classes = new Set(devices.map((d) => d.deviceClass));
      expect([...classes].sort(), `seed ${seed}`).toEqual([
        "device",
        "esxihost",
        "printer",
        "rmmnetworkdevice",
      ]);
      for (const os of ["macOS", "Ubuntu", "Windows Server"])
        expect(
          devices.some((d) => (d.operatingSystem ?? "").includes(os)),
          os,
        ).toBe(true);
    }
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

  it("alerts carry only API.md's @classes, plus rare traps: an unknown class and an empty key", () => {
    const sim = createSimulator({ devices: 3000, clock: createManualClock() });
    const alerts = [...sim.tenant.openAlerts(), ...sim.tenant.resolvedAlerts()];
    const classes = alerts.map((a) => String(a.alertContext["@class"]));
    const known = KNOWN_ALERT_CLASSES as readonly string[];
    for (const k of known) expect(classes.includes(k), k).toBe(true);
    const unknown = classes.filter((c) => !known.includes(c));
    expect(new Set(unknown)).toEqual(new Set([UNKNOWN_ALERT_CLASS]));
    const emptyKey = alerts.filter((a) => "" in a.alertContext);
    // About 1 in 100 each: present, rare.
    for (const traps of [unknown.length, emptyKey.length]) {
      expect(traps).toBeGreaterThan(0);
      expect(traps / alerts.length).toBeLessThan(0.03);
    }
  });

  it("alerts fit their device: offline only for printers, the device's own disks and antivirus", () => {
    const sim = createSimulator({ devices: 3000, clock: createManualClock() });
    const devices = new Map(sim.tenant.listDevices().map((d) => [d.uid, d]));
    for (const alert of [...sim.tenant.openAlerts(), ...sim.tenant.resolvedAlerts()]) {
      const device = devices.get(alert.alertSourceInfo.deviceUid!)!;
      const ctx = alert.alertContext as Record<string, unknown>;
      if (device.deviceClass === "printer") expect(ctx["@class"]).toBe("online_offline_status_ctx");
      if (ctx["@class"] === "antivirus_ctx")
        expect(ctx.productName).toBe(device.antivirus.antivirusProduct);
      if (ctx["@class"] === "eventlog_ctx" || ctx["@class"] === "patch_ctx")
        expect(device.operatingSystem).toMatch(/^Microsoft Windows/);
      if (ctx["@class"] === "perf_disk_usage_ctx" && device.deviceClass === "device") {
        const disks = sim.tenant.deviceAudit(device.uid)!.logicalDisks;
        const disk = disks.find((d) => d.diskIdentifier === ctx.diskName);
        expect(disk, `${device.hostname} ${String(ctx.diskName)}`).toBeDefined();
        expect(Number(ctx.totalVolume)).toBeCloseTo(disk!.size / 1_073_741_824, 0);
      }
    }
  });
});
