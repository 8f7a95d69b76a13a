import { describe, expect, it } from "vitest";
import type { AlertListResponse } from "../contract/alerts";
import type { DeviceAudit } from "../contract/device-audit";
import {
  DeviceRefreshResponseSchema,
  type DeviceDetail,
  type DeviceListResponse,
} from "../contract/devices";
import { ApiErrorSchema } from "../contract/errors";
import type { SoftwareList } from "../contract/software";
import { type TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

/** 60 devices (seed 7 has every device class) synced into the fleet index; a viewer signed in. */
const testApp = testAppsClosedAfterEach({ devices: 60, seed: 7 });
async function synced() {
  const t = await testApp();
  return Object.assign(t, { viewer: await t.signIn("viewer") });
}

const ofClass = (t: TestApp, deviceClass: string) =>
  t.sim.tenant.listDevices().find((d) => d.deviceClass === deviceClass && !d.deleted)!;

describe("GET /api/devices/:uid", () => {
  it("returns the device fresh from Datto with labelled UDFs and open-alert counts", async () => {
    const t = await synced();
    const wire = t.sim.tenant.listDevices().find((d) => d.udf?.udf1 && !d.deleted)!;
    const admin = await t.signIn("admin");
    expect((await admin.put("/api/fleet/udf-labels", { udf1: "Contract" })).status).toBe(200);
    const detail = await t.viewer.getJson<DeviceDetail>(`/api/devices/${wire.uid}`);
    expect(detail).toMatchObject({
      uid: wire.uid,
      hostname: wire.hostname,
      portalUrl: wire.portalUrl,
      cagVersion: wire.cagVersion,
      freshness: { stale: false },
    });
    expect(detail.udfFields[0]).toEqual({
      key: "udf1",
      index: 1,
      label: "Contract",
      value: wire.udf!.udf1,
    });
    const open = t.sim.tenant.openAlerts().filter((a) => a.alertSourceInfo?.deviceUid === wire.uid);
    expect(detail.openAlerts.total).toBe(open.length);
  });

  it("falls back to the index copy, marked stale, when Datto is down", async () => {
    const t = await synced();
    const wire = ofClass(t, "device");
    t.sim.control.setScenario("down");
    const res = await t.settle(t.viewer.request(`/api/devices/${wire.uid}`));
    expect(res.status).toBe(200);
    const detail = (await res.json()) as DeviceDetail;
    expect(detail.hostname).toBe(wire.hostname);
    expect(detail.freshness.stale).toBe(true);
    expect(detail.freshness.reason).toContain("fleet index copy");
  });

  it("answers 404 for a device Datto does not know", async () => {
    const t = await synced();
    const res = await t.viewer.request("/api/devices/00000000-0000-0000-0000-000000000000");
    expect(res.status).toBe(404);
  });
});

describe("GET /api/devices/:uid/audit", () => {
  it("uses the audit matching each device class, and a message for classes without one", async () => {
    const t = await synced();
    const device = await t.viewer.getJson<DeviceAudit>(
      `/api/devices/${ofClass(t, "device").uid}/audit`,
    );
    if (device.kind !== "device") throw new Error(`expected a device audit, got ${device.kind}`);
    expect(device.processors.length).toBeGreaterThan(0);
    expect(device.nics.length).toBeGreaterThan(0);
    expect(device.nics[0]!.macAddress).toMatch(/[0-9a-f]{2}[:-]/i);
    for (const disk of device.logicalDisks) {
      if (disk.size && disk.free !== null) {
        expect(disk.usedPercent).toBeCloseTo(((disk.size - disk.free) / disk.size) * 100, 0);
      }
    }

    const esxi = await t.viewer.getJson<DeviceAudit>(
      `/api/devices/${ofClass(t, "esxihost").uid}/audit`,
    );
    expect(esxi.kind).toBe("esxihost");
    if (esxi.kind === "esxihost")
      expect(esxi.datastores.length + esxi.guests.length).toBeGreaterThan(0);

    const printer = await t.viewer.getJson<DeviceAudit>(
      `/api/devices/${ofClass(t, "printer").uid}/audit`,
    );
    expect(printer.kind).toBe("printer");
    if (printer.kind === "printer") expect(printer.markerSupplies.length).toBeGreaterThan(0);

    const network = await t.viewer.getJson<DeviceAudit>(
      `/api/devices/${ofClass(t, "rmmnetworkdevice").uid}/audit`,
    );
    expect(network).toMatchObject({ kind: "unsupported", deviceClass: "rmmnetworkdevice" });
    if (network.kind === "unsupported") expect(network.message.length).toBeGreaterThan(10);
  });
});

describe("GET /api/devices/:uid/software and /alerts", () => {
  it("lists software sorted by name with a count", async () => {
    const t = await synced();
    const uid = ofClass(t, "device").uid;
    const list = await t.viewer.getJson<SoftwareList>(`/api/devices/${uid}/software`);
    expect(list.total).toBe(list.items.length);
    expect(list.total).toBeGreaterThan(0);
    const names = list.items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("lists open and resolved alerts newest first with a context summary", async () => {
    const t = await synced();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const uid = alert.alertSourceInfo!.deviceUid!;
    const open = await t.viewer.getJson<AlertListResponse>(`/api/devices/${uid}/alerts`);
    expect(open.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect(open.alerts.every((a) => !a.resolved && a.contextSummary.length > 0)).toBe(true);
    const times = open.alerts.map((a) => a.timestamp ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const resolvedWire = t.sim.tenant.resolvedAlerts()[0]!;
    const resolved = await t.viewer.getJson<AlertListResponse>(
      `/api/devices/${resolvedWire.alertSourceInfo!.deviceUid}/alerts?state=resolved`,
    );
    expect(resolved.alerts.find((a) => a.alertUid === resolvedWire.alertUid)).toMatchObject({
      resolved: true,
    });
    expect((await t.viewer.request(`/api/devices/${uid}/alerts?state=muted`)).status).toBe(400);
    // A blank param is no param, as on every list: the open alerts.
    const blank = await t.viewer.getJson<AlertListResponse>(`/api/devices/${uid}/alerts?state=`);
    expect(blank.alerts.map((a) => a.alertUid)).toEqual(open.alerts.map((a) => a.alertUid));
  });
});

describe("POST /api/devices/:uid/refresh", () => {
  it("refreshes one device in the index for technicians, not viewers, and answers with it", async () => {
    const t = await synced();
    const uid = ofClass(t, "device").uid;
    const online = t.sim.tenant.getDevice(uid)!.online === true;
    t.sim.control.setDeviceOnline(uid, !online);

    expect((await t.viewer.post(`/api/devices/${uid}/refresh`)).status).toBe(403);
    const technician = await t.signIn("technician");
    const res = await technician.post(`/api/devices/${uid}/refresh`);
    expect(res.status).toBe(200);
    const body = DeviceRefreshResponseSchema.parse(await res.json());
    expect(body.device).toMatchObject({ uid, online: !online });
    expect(body.freshness).toEqual({ fetchedAt: t.clock.now(), stale: false, reason: null });
    const all = await t.viewer.getJson<DeviceListResponse>("/api/devices?limit=500");
    expect(all.rows.find((r) => r.uid === uid)).toEqual(body.device);
    expect(all.total).toBe(t.sim.tenant.listDevices().length);
  });

  it("says the refresh failed when Datto is down, and keeps the index as it was", async () => {
    const t = await synced();
    const uid = ofClass(t, "device").uid;
    const technician = await t.signIn("technician");
    // A first refresh leaves the gateway a cached copy, which it serves stale once Datto is down.
    expect((await technician.post(`/api/devices/${uid}/refresh`)).status).toBe(200);
    const before = await t.viewer.getJson<DeviceListResponse>("/api/devices?limit=500");
    const online = t.sim.tenant.getDevice(uid)!.online === true;
    t.sim.control.setDeviceOnline(uid, !online);
    t.sim.control.setScenario("down");

    const res = await t.settle(technician.post(`/api/devices/${uid}/refresh`));
    expect(res.status).toBe(502);
    const { error } = ApiErrorSchema.parse(await res.json());
    expect(error.code).toBe("upstream_unavailable");
    expect(error.message).toContain("Datto could not be reached, so the device was not refreshed");
    const after = await t.viewer.getJson<DeviceListResponse>("/api/devices?limit=500");
    expect(after.rows).toEqual(before.rows);

    // A device never read before has no cached copy: the gateway's own error, mapped.
    const other = t.sim.tenant.listDevices().find((d) => d.uid !== uid && !d.deleted)!;
    const uncached = await t.settle(technician.post(`/api/devices/${other.uid}/refresh`));
    expect(uncached.status).toBe(502);
    expect(ApiErrorSchema.parse(await uncached.json()).error.code).toBe("upstream_unavailable");
  });
});

describe("GET /api/devices/export.csv", () => {
  it("exports every matching row with a header, in the requested columns", async () => {
    const t = await synced();
    const res = await t.viewer.request(
      "/api/devices/export.csv?status=online&columns=hostname,siteName,udf1,bogus",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="devices-\d+\.csv"/,
    );
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe('"Hostname","Site","UDF 1"');
    const online = t.sim.tenant.listDevices().filter((d) => d.online === true);
    expect(lines.length - 1).toBe(online.length);
  });

  it("limits exports running at once per person, and frees the slot when the download ends", async () => {
    const t = await synced();
    const admin = await t.signIn("admin");
    const start = (who = t.viewer) => who.request("/api/devices/export.csv?columns=hostname");
    // Two downloads left unread hold two slots; a third from the same person waits its turn.
    const first = await start();
    const second = await start();
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await start();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("5");
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain(
      "2 exports running",
    );
    // Someone else is not held up by this person's downloads.
    const others = await start(admin);
    expect(others.status).toBe(200);
    await others.text();

    await first.text(); // read to the end
    await second.body!.cancel(); // or abandoned half-way
    const again = await start();
    expect(again.status).toBe(200);
    await again.text();
  });

  it("refuses to export a Datto filter that is still being read, rather than an empty file", async () => {
    const t = await synced();
    const res = await t.viewer.request("/api/devices/export.csv?filterId=1006");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("filter_not_ready");
  });
});
