import { describe, expect, it } from "vitest";
import { DattoError } from "../gateway/datto-error";
import { createHarness, drive, driveToError } from "../../testing/datto-harness";

describe("createDattoApi against the simulator", () => {
  it("reads account, sites, devices, filters, audits and quota with the right paths and shapes", async () => {
    const h = createHarness({ simulator: { devices: 120 } });
    const { api, clock } = h;
    const account = await drive(clock, api.account());
    expect(account.data.devicesStatus?.numberOfDevices).toBeGreaterThan(0);

    const sites = await drive(clock, api.listSites());
    expect(sites.data.map((s) => s.name)).toContain("Deleted Devices");
    const site = sites.data.find((s) => (s.devicesStatus?.numberOfDevices ?? 0) > 0)!;
    expect((await drive(clock, api.getSite(site.uid))).data.uid).toBe(site.uid);

    const siteDevices = await drive(clock, api.listSiteDevices(site.uid));
    expect(siteDevices.data.every((d) => d.siteUid === site.uid)).toBe(true);
    const nics = await drive(clock, api.listSiteNetworkInterfaces(site.uid));
    expect(nics.data.length).toBe(siteDevices.data.length);

    const defaults = await drive(clock, api.listDefaultFilters());
    expect(defaults.data.length).toBeGreaterThan(0);
    const filtered = await drive(clock, api.listAccountDevices({ filterId: defaults.data[0]!.id }));
    expect(Array.isArray(filtered.data)).toBe(true);
    await drive(clock, api.listCustomFilters());
    await drive(clock, api.listSiteFilters(site.uid));

    const all = (await drive(clock, api.listAccountDevices())).data;
    const byClass = (c: string) => all.find((d) => d.deviceClass === c);
    expect(
      (await drive(clock, api.getDeviceAudit(byClass("device")!.uid))).data.nics,
    ).toBeDefined();
    if (byClass("esxihost")) await drive(clock, api.getEsxiAudit(byClass("esxihost")!.uid));
    if (byClass("printer")) await drive(clock, api.getPrinterAudit(byClass("printer")!.uid));

    const rate = await drive(clock, api.getRequestRate());
    expect(rate.data.accountRateLimit).toBe(600);
    expect(h.gateway.health().malformedPayloads).toBe(0);
  });

  it("reads alerts at every level", async () => {
    const { api, clock } = createHarness();
    const open = (await drive(clock, api.listOpenAlerts())).data;
    const alert = open.find((a) => a.alertSourceInfo?.siteUid && a.alertSourceInfo.deviceUid)!;
    const { siteUid, deviceUid } = alert.alertSourceInfo!;
    const siteAlerts = await drive(clock, api.listSiteAlerts(siteUid!, "open"));
    expect(siteAlerts.data.map((a) => a.alertUid)).toContain(alert.alertUid);
    const deviceAlerts = await drive(clock, api.listDeviceAlerts(deviceUid!, "open"));
    expect(deviceAlerts.data.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect((await drive(clock, api.getAlert(alert.alertUid))).data.alertUid).toBe(alert.alertUid);
    await drive(clock, api.listResolvedAlerts());
    await drive(clock, api.listDeviceAlerts(deviceUid!, "resolved"));

    await drive(clock, api.resolveAlert(alert.alertUid, { siteUid, deviceUid }));
    const after = await drive(clock, api.listDeviceAlerts(deviceUid!, "open"));
    expect(after.data.map((a) => a.alertUid)).not.toContain(alert.alertUid);
  });

  it.each(["drop", "timeout"] as const)(
    "reports a quick job whose answer is lost (%s) as outcome unknown, sent once, though it was created",
    async (mode) => {
      const h = createHarness();
      const { api, clock } = h;
      const device = (await drive(clock, api.listAccountDevices())).data.find(
        (d) => d.deviceClass === "device" && d.online,
      )!;
      const component = (await drive(clock, api.listComponents())).data[0]!;
      h.sim.control.failNextQuickJobs(1, mode);
      const before = h.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"] ?? 0;
      const error = await driveToError(
        clock,
        api.createQuickJob(device.uid, {
          jobName: "by dave",
          jobComponent: { componentUid: component.uid },
        }),
        1000,
      );
      expect(error).toBeInstanceOf(DattoError);
      expect((error as DattoError).outcomeUnknown).toBe(true);
      expect(h.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"]).toBe(
        before + 1,
      );
      expect(h.sim.tenant.jobs()).toHaveLength(1);
    },
  );

  // Job dates are [unsure] on the wire (API.md §6): the client must read both forms.
  describe.each(["iso", "epoch-ms"] as const)("quick jobs with job dates as %s", (jobDates) => {
    it("runs a quick job and reads its results, dates and output", async () => {
      const h = createHarness({ simulator: { jobDates } });
      const { api, clock } = h;
      const device = (await drive(clock, api.listAccountDevices())).data.find(
        (d) => d.deviceClass === "device" && d.online,
      )!;
      const component = (await drive(clock, api.listComponents())).data[0]!;
      const launchedAt = clock.now();
      const created = await drive(
        clock,
        api.createQuickJob(device.uid, {
          jobName: "by dave",
          jobComponent: { componentUid: component.uid },
        }),
      );
      // ISO strings carry whole seconds; epoch ms is exact.
      expect(Math.abs((created.job.dateCreated ?? 0) - launchedAt)).toBeLessThan(1000);
      const job = (await drive(clock, api.getJob(created.job.uid))).data;
      expect(job.uid).toBe(created.job.uid);
      expect(job.dateCreated).toBe(created.job.dateCreated);
      const components = await drive(clock, api.listJobComponents(created.job.uid));
      expect(components.data[0]?.name).toBe(component.name);

      await clock.advance(30 * 60_000);
      const results = await drive(
        clock,
        api.getJobResults(created.job.uid, device.uid, { maxAgeMs: 0 }),
      );
      expect(["Success", "Warning", "Failure"]).toContain(results.data.jobDeploymentStatus);
      expect(results.data.ranOn).toBeGreaterThan(launchedAt);
      expect(results.data.ranOn).toBeLessThan(clock.now());
      const out = await drive(clock, api.getJobStdout(created.job.uid, device.uid));
      const err = await drive(clock, api.getJobStderr(created.job.uid, device.uid));
      expect(Array.isArray(out.data) && Array.isArray(err.data)).toBe(true);
      expect(h.gateway.health().malformedPayloads).toBe(0);
    });
  });
});
