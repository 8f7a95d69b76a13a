import { describe, expect, it } from "vitest";
import { DattoDeviceSchema } from "../schemas/device";
import { createHarness, drive } from "../../testing/datto-harness";

const LIST = "GET /v2/account/devices";

describe("gateway paging (API.md §4)", () => {
  it("walks every page of a 1,200-device tenant following only nextPageUrl's query", async () => {
    // The simulator writes next-page links on another host: the gateway must never call it.
    const h = createHarness({
      simulator: { devices: 1_200, publicBaseUrl: "https://links-elsewhere.example.test" },
      gateway: { baseUrl: "https://pinotage-api.centrastage.test/api" },
    });
    const gateway = h.gateway;
    const progress: Array<{ pagesDone: number; pagesTotal: number | null; items: number }> = [];
    const hostOf = (url: string) => new URL(url).host;

    const all = await drive(
      h.clock,
      gateway.readAllPages({
        path: "/v2/account/devices",
        itemsKey: "devices",
        itemSchema: DattoDeviceSchema,
        onProgress: (p) => progress.push(p),
      }),
    );

    const expected = h.sim.tenant.listDevices().filter((d) => !d.deleted);
    expect(expected.length).toBeGreaterThan(1_000);
    expect(all.data.map((d) => d.uid).sort()).toEqual(expected.map((d) => d.uid).sort());
    expect(h.gateway.health().malformedPayloads).toBe(0);
    expect(h.sim.control.counters().byRoute[LIST]).toBe(5);
    expect(progress.map((p) => p.pagesDone)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.pagesTotal === 5)).toBe(true);
    expect(progress.at(-1)?.items).toBe(expected.length);
    expect(new Set(h.requests.map(hostOf))).toEqual(new Set(["pinotage-api.centrastage.test"]));
    expect(h.requests.some((u) => u.includes("links-elsewhere"))).toBe(false);
  });

  it("re-adds the filters that Datto dropped from nextPageUrl", async () => {
    const h = createHarness({ simulator: { devices: 1_200 } });
    const everything = await drive(h.clock, h.api.listAccountDevices());
    const expected = everything.data.filter((d) =>
      (d.operatingSystem ?? "").toLowerCase().includes("windows"),
    );
    expect(expected.length).toBeGreaterThan(250); // more than one page, or the test proves nothing

    const sentBefore = h.requests.length;
    const filtered = await drive(h.clock, h.api.listAccountDevices({ operatingSystem: "Windows" }));

    expect(filtered.data.map((d) => d.uid)).toEqual(expected.map((d) => d.uid));
    const walk = h.requests.slice(sentBefore);
    expect(walk.length).toBe(Math.ceil(expected.length / 250));
    for (const url of walk)
      expect(new URL(url).searchParams.get("operatingSystem")).toBe("Windows");
  });

  it("stops a paging loop instead of walking forever", async () => {
    const h = createHarness();
    const looping = ((input: RequestInfo | URL, init?: RequestInit) =>
      h.sim.fetch(input, init).then(async (response) => {
        if (!String(input).includes("/v2/account/sites")) return response;
        const body = (await response.json()) as { pageDetails: Record<string, unknown> };
        body.pageDetails.nextPageUrl = "https://x.example/api/v2/account/sites?max=250&page=0";
        return Response.json(body);
      })) as typeof fetch;
    const { createDattoGateway } = await import("./create-gateway");
    const gateway = createDattoGateway({
      baseUrl: h.sim.apiBaseUrl,
      apiKey: h.sim.credentials.apiKey,
      apiSecret: h.sim.credentials.apiSecret,
      fetch: looping,
      clock: h.clock,
      logger: h.logger,
    });
    const result = await drive(
      h.clock,
      gateway
        .readAllPages({
          path: "/v2/account/sites",
          itemsKey: "sites",
          itemSchema: DattoDeviceSchema.pick({ uid: true }),
        })
        .catch((e: unknown) => e),
    );
    expect(result).toMatchObject({ kind: "malformed", message: expect.stringMatching(/looped/) });
    expect(h.sim.control.counters().byRoute["GET /v2/account/sites"]).toBe(2);
  });
});
