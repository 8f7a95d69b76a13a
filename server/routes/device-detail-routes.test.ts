import { afterEach, describe, expect, it } from "vitest";
import type { DeviceListResponse } from "../contract/devices";
import type { AlertListResponse } from "../contract/alerts";
import type { DeviceAudit } from "../contract/device-audit";
import type { DeviceDetail } from "../contract/devices";
import type { SoftwareList } from "../contract/software";
import { createFleetTestApp, type FleetTestApp } from "../fleet/testing/create-fleet-test-app";

const apps: FleetTestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.cleanup();
});

async function synced() {
  const t = createFleetTestApp({ devices: 60 });
  apps.push(t);
  await t.fleet.start();
  await t.fleet.refreshAll();
  return t;
}

const ofClass = (t: FleetTestApp, deviceClass: string) =>
  t.sim.tenant.listDevices().find((d) => d.deviceClass === deviceClass && !d.deleted)!;

describe("GET /api/devices/:uid", () => {
  it("returns the device fresh from Datto with labelled UDFs and open-alert counts", async () => {
    const t = await synced();
    const wire = t.sim.tenant.listDevices().find((d) => d.udf?.udf1 && !d.deleted)!;
    await t.request("/api/fleet/udf-labels", {
      as: "admin",
      method: "PUT",
      json: { udf1: "Contract" },
    });
    const detail = await t.getJson<DeviceDetail>(`/api/devices/${wire.uid}`);
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
    const res = await t.settle(Promise.resolve(t.request(`/api/devices/${wire.uid}`)));
    expect(res.status).toBe(200);
    const detail = (await res.json()) as DeviceDetail;
    expect(detail.hostname).toBe(wire.hostname);
    expect(detail.freshness.stale).toBe(true);
    expect(detail.freshness.reason).toContain("fleet index copy");
  });

  it("answers 404 for a device Datto does not know", async () => {
    const t = await synced();
    const res = await t.request("/api/devices/00000000-0000-0000-0000-000000000000");
    expect(res.status).toBe(404);
  });
});

describe("GET /api/devices/:uid/audit", () => {
  it("uses the audit matching each device class, and a message for classes without one", async () => {
    const t = await synced();
    const device = await t.getJson<DeviceAudit>(`/api/devices/${ofClass(t, "device").uid}/audit`);
    if (device.kind !== "device") throw new Error(`expected a device audit, got ${device.kind}`);
    expect(device.processors.length).toBeGreaterThan(0);
    expect(device.nics.length).toBeGreaterThan(0);
    expect(device.nics[0]!.macAddress).toMatch(/[0-9a-f]{2}[:-]/i);
    for (const disk of device.logicalDisks) {
      if (disk.size && disk.free !== null) {
        expect(disk.usedPercent).toBeCloseTo(((disk.size - disk.free) / disk.size) * 100, 0);
      }
    }

    const esxi = await t.getJson<DeviceAudit>(`/api/devices/${ofClass(t, "esxihost").uid}/audit`);
    expect(esxi.kind).toBe("esxihost");
    if (esxi.kind === "esxihost")
      expect(esxi.datastores.length + esxi.guests.length).toBeGreaterThan(0);

    const printer = await t.getJson<DeviceAudit>(`/api/devices/${ofClass(t, "printer").uid}/audit`);
    expect(printer.kind).toBe("printer");
    if (printer.kind === "printer") expect(printer.markerSupplies.length).toBeGreaterThan(0);

    const network = await t.getJson<DeviceAudit>(
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
    const list = await t.getJson<SoftwareList>(`/api/devices/${uid}/software`);
    expect(list.total).toBe(list.items.length);
    expect(list.total).toBeGreaterThan(0);
    const names = list.items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("lists open and resolved alerts newest first with a context summary", async () => {
    const t = await synced();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const uid = alert.alertSourceInfo!.deviceUid!;
    const open = await t.getJson<AlertListResponse>(`/api/devices/${uid}/alerts`);
    expect(open.alerts.map((a) => a.alertUid)).toContain(alert.alertUid);
    expect(open.alerts.every((a) => !a.resolved && a.contextSummary.length > 0)).toBe(true);
    const times = open.alerts.map((a) => a.timestamp ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const resolvedWire = t.sim.tenant.resolvedAlerts()[0]!;
    const resolved = await t.getJson<AlertListResponse>(
      `/api/devices/${resolvedWire.alertSourceInfo!.deviceUid}/alerts?state=resolved`,
    );
    expect(resolved.alerts.find((a) => a.alertUid === resolvedWire.alertUid)).toMatchObject({
      resolved: true,
    });
    expect((await t.request(`/api/devices/${uid}/alerts?state=muted`)).status).toBe(400);
  });
});

describe("POST /api/devices/:uid/refresh", () => {
  it("refreshes one device in the index for technicians, not viewers", async () => {
    const t = await synced();
    const uid = ofClass(t, "device").uid;
    const online = t.sim.tenant.getDevice(uid)!.online === true;
    t.sim.control.setDeviceOnline(uid, !online);

    expect((await t.request(`/api/devices/${uid}/refresh`, { method: "POST" })).status).toBe(403);
    const res = await t.request(`/api/devices/${uid}/refresh`, {
      as: "technician",
      method: "POST",
    });
    expect(res.status).toBe(202);
    const all = await t.getJson<DeviceListResponse>("/api/devices?limit=500");
    expect(all.rows.find((r) => r.uid === uid)!.online).toBe(!online);
    expect(all.total).toBe(t.sim.tenant.listDevices().length);
  });
});

describe("GET /api/devices/export.csv", () => {
  it("exports every matching row with a header, in the requested columns", async () => {
    const t = await synced();
    const res = await t.request(
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
    const start = (as?: string) =>
      t.request("/api/devices/export.csv?columns=hostname", as === undefined ? {} : { as });
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
    expect((await start("admin")).status).toBe(200);

    await first.text(); // read to the end
    await second.body!.cancel(); // or abandoned half-way
    const again = await start();
    expect(again.status).toBe(200);
    await again.text();
  });

  it("refuses to export a Datto filter that is still being read, rather than an empty file", async () => {
    const t = await synced();
    const res = await t.request("/api/devices/export.csv?filterId=1006");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("filter_not_ready");
  });
});
