import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DattoDeviceSchema } from "../schemas/device";
import { DattoError } from "./datto-error";
import { createHarness, drive, driveToError, type Harness } from "../../testing/datto-harness";

const QUICKJOB = "PUT /v2/device/{deviceUid}/quickjob";

async function windowsDevices(h: Harness) {
  const devices = await drive(h.clock, h.api.listAccountDevices());
  return devices.data.filter((d) => d.deviceClass === "device");
}

describe("gateway on a flaky Datto (5xx and dropped connections)", () => {
  it("recovers reads with retries", async () => {
    const h = createHarness();
    const devices = await windowsDevices(h);
    h.sim.control.setScenario("flaky");
    for (const device of devices.slice(0, 40)) {
      const answer = await drive(h.clock, h.api.getDevice(device.uid, { maxAgeMs: 0 }));
      expect(answer.data.uid).toBe(device.uid);
    }
    const counters = h.sim.control.counters();
    expect(counters.status5xx + counters.dropped).toBeGreaterThan(0);
  });

  it("never sends a write twice, whatever the failure", async () => {
    const h = createHarness({ simulator: { devices: 120 } });
    const devices = await windowsDevices(h);
    const components = await drive(h.clock, h.api.listComponents());
    const component = components.data[0]!;
    h.sim.control.setScenario("flaky");

    const failures: DattoError[] = [];
    for (const device of devices.slice(0, 60)) {
      const before = h.sim.control.counters().byRoute[QUICKJOB] ?? 0;
      const outcome = await drive(
        h.clock,
        h.api
          .createQuickJob(device.uid, {
            jobName: "test by alice",
            jobComponent: { componentUid: component.uid },
          })
          .catch((e: unknown) => e),
      );
      expect(h.sim.control.counters().byRoute[QUICKJOB]).toBe(before + 1);
      if (outcome instanceof DattoError) failures.push(outcome);
      else expect(outcome).toMatchObject({ job: { status: "active" } });
    }
    const kinds = new Set(failures.map((f) => f.kind));
    expect(kinds).toContain("upstream"); // a 5xx answer
    expect(kinds).toContain("down"); // a dropped connection
    expect(failures.every((f) => f.outcomeUnknown)).toBe(true);
  });
});

describe("gateway when Datto is down or slow", () => {
  it("serves a cached answer marked stale when Datto is down, and reports down", async () => {
    const h = createHarness();
    const [device, other] = await windowsDevices(h);
    const fresh = await drive(h.clock, h.api.getDevice(device!.uid));
    h.sim.control.setScenario("down");
    await h.clock.advance(120_000);

    const stale = await drive(h.clock, h.api.getDevice(device!.uid));
    expect(stale).toEqual({ data: fresh.data, fetchedAt: fresh.fetchedAt, stale: true });

    const sentBefore = h.requests.length;
    const error = await driveToError(h.clock, h.api.getDevice(other!.uid));
    expect(error).toMatchObject({ kind: "upstream", status: 503 });
    expect(h.requests.length - sentBefore).toBe(3); // the first try and two retries
    const health = h.gateway.health();
    expect(health.state).toBe("down");
    expect(health.cache.staleServed).toBe(1);
  });

  it("aborts calls at their deadline, serves stale and says so in health", async () => {
    const h = createHarness({ gateway: { timeoutMs: 1_000 } });
    const [device, other] = await windowsDevices(h);
    const fresh = await drive(h.clock, h.api.getDevice(device!.uid));
    h.sim.control.setScenario("slow");

    const started = h.clock.now();
    const stale = await drive(h.clock, h.api.getDevice(device!.uid, { maxAgeMs: 0 }), 10);
    expect(h.clock.now() - started).toBeLessThan(1_100);
    expect(stale).toMatchObject({ data: fresh.data, stale: true });

    const sentBefore = h.requests.length;
    const error = await driveToError(h.clock, h.api.getDevice(other!.uid), 10);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(h.requests.length - sentBefore).toBe(1); // a timeout is not retried
    expect(h.gateway.health()).toMatchObject({
      state: "down",
      detail: expect.stringMatching(/timing out/),
    });
  });

  it("reports slow when answers take longer than the threshold", async () => {
    const h = createHarness({ gateway: { slowThresholdMs: 1_000 } });
    const devices = await windowsDevices(h);
    h.sim.control.setScenario("slow");
    for (const device of devices.slice(0, 5)) {
      await drive(h.clock, h.api.getDevice(device.uid, { maxAgeMs: 0 }));
    }
    expect(h.gateway.health().state).toBe("slow");
  });

  it("lets the caller abort a call with its own signal", async () => {
    const h = createHarness();
    const [device] = await windowsDevices(h);
    h.sim.control.setScenario("slow");
    const controller = new AbortController();
    const call = h.api
      .getDevice(device!.uid, { maxAgeMs: 0, signal: controller.signal })
      .catch((e: unknown) => e);
    await h.clock.advance(500);
    controller.abort(new Error("navigated away"));
    expect(await call).toMatchObject({ message: "navigated away" });
  });
});

describe("gateway with malformed payloads", () => {
  it("parses tolerantly, skips and counts bad list items, and never crashes", async () => {
    const h = createHarness({ simulator: { scenario: "malformed" } });
    const devices = await windowsDevices(h);
    expect(devices).toHaveLength(
      (await drive(h.clock, h.api.listAccountDevices())).data.filter(
        (d) => d.deviceClass === "device",
      ).length,
    );
    const alerts = await drive(h.clock, h.api.listOpenAlerts());
    expect(alerts.data.length).toBeGreaterThan(0);
    expect(h.gateway.health().malformedPayloads).toBe(0);

    const software = await drive(h.clock, h.api.listDeviceSoftware(devices[0]!.uid));
    expect(software.data.length).toBeGreaterThan(0);
    expect(h.gateway.health().malformedPayloads).toBe(1);

    const audit = await drive(h.clock, h.api.getDeviceAudit(devices[0]!.uid));
    expect(audit.data.bios).toBeNull();

    const strict = DattoDeviceSchema.extend({ mustExist: z.string() });
    const error = await driveToError(
      h.clock,
      h.gateway.read({ path: `/v2/device/${devices[0]!.uid}`, schema: strict, maxAgeMs: 0 }),
    );
    expect(error).toMatchObject({ kind: "malformed" });
    expect(h.gateway.health().malformedPayloads).toBe(2);
  });
});
