import { describe, expect, it } from "vitest";
import { createDattoApi } from "../api/create-datto-api";
import { createDattoGateway } from "./create-gateway";
import { DattoError } from "./datto-error";
import { createHarness, drive, driveToError, type Harness } from "../../testing/datto-harness";

type Rewrite = (url: string, response: Response) => Response | Promise<Response>;

/** A second gateway over the same simulator whose answers a test may rewrite (a 403, a Retry-After). */
function withRewrite(h: Harness, rewrite: Rewrite) {
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    rewrite(String(input), await h.sim.fetch(input, init))) as typeof globalThis.fetch;
  const gateway = createDattoGateway({
    baseUrl: h.sim.apiBaseUrl,
    apiKey: h.sim.credentials.apiKey,
    apiSecret: h.sim.credentials.apiSecret,
    fetch,
    clock: h.clock,
    logger: h.logger,
  });
  return { gateway, api: createDattoApi(gateway) };
}

describe("gateway edge cases", () => {
  it("treats a 403 that follows no 429 as a permission error for that call only", async () => {
    const h = createHarness();
    const uids = (await drive(h.clock, h.api.listAccountDevices())).data.map((d) => d.uid);
    const { gateway, api } = withRewrite(h, (url, response) =>
      url.includes(uids[0]!)
        ? Response.json({ message: "Access denied" }, { status: 403 })
        : response,
    );
    const denied = await driveToError(h.clock, api.getDevice(uids[0]!));
    expect(denied).toMatchObject({ kind: "forbidden", status: 403 });
    expect(gateway.health().state).not.toBe("blocked");
    const next = await drive(h.clock, api.getDevice(uids[1]!));
    expect(next.data.uid).toBe(uids[1]);
  });

  it("honours Retry-After on a 429 instead of the default one-minute pause", async () => {
    const h = createHarness();
    const uids = (await drive(h.clock, h.api.listAccountDevices())).data.map((d) => d.uid);
    let limitOnce = true;
    const { gateway, api } = withRewrite(h, (url, response) => {
      if (!limitOnce || !url.includes("/v2/")) return response;
      limitOnce = false;
      return new Response(null, { status: 429, headers: { "Retry-After": "5" } });
    });
    const limited = await driveToError(h.clock, api.getDevice(uids[0]!));
    expect(limited).toMatchObject({ kind: "rate-limited", retryAt: h.clock.now() + 5_000 });
    expect(gateway.health()).toMatchObject({
      state: "rate-limited",
      blockedUntil: h.clock.now() + 5_000,
    });
    await h.clock.advance(5_000);
    expect((await drive(h.clock, api.getDevice(uids[0]!))).data.uid).toBe(uids[0]);
    expect(gateway.health().state).toBe("ok");
  });

  it("fails a write that meets a 401 without resending it, and renews the token for the next one", async () => {
    const h = createHarness();
    const devices = (await drive(h.clock, h.api.listAccountDevices())).data.filter(
      (d) => d.deviceClass === "device",
    );
    const component = (await drive(h.clock, h.api.listComponents())).data[0]!;
    h.sim.control.setScenario("token-expiry"); // Datto now refuses the token the gateway holds
    await h.clock.advance(31_000);
    const job = { jobName: "check by bob", jobComponent: { componentUid: component.uid } };

    const error = await driveToError(h.clock, h.api.createQuickJob(devices[0]!.uid, job));
    expect(error).toBeInstanceOf(DattoError);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/not applied/) });
    expect(h.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"]).toBe(1);

    const created = await drive(h.clock, h.api.createQuickJob(devices[1]!.uid, job));
    expect(created.job.status).toBe("active");
    expect(h.sim.control.counters()).toMatchObject({ tokenRequests: 2 });
    expect(h.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"]).toBe(2);
  });

  it("sends the nested quick-job body Datto requires (API.md §7)", async () => {
    const h = createHarness();
    const device = (await drive(h.clock, h.api.listAccountDevices())).data.find(
      (d) => d.deviceClass === "device",
    )!;
    const component = (await drive(h.clock, h.api.listComponents())).data.find(
      (c) => (c.variables ?? []).length > 0,
    )!;
    const variable = component.variables![0]!;
    const created = await drive(
      h.clock,
      h.api.createQuickJob(device.uid, {
        jobName: "disk check by carol",
        jobComponent: {
          componentUid: component.uid,
          variables: [{ name: variable.name, value: String(variable.defaultVal ?? "") }],
        },
      }),
    );
    expect(created.job.name).toBe("disk check by carol");
    const results = await drive(h.clock, h.api.getJobResults(created.job.uid, device.uid));
    expect(results.data.deviceUid).toBe(device.uid);
  });
});
