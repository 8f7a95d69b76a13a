import { describe, expect, it } from "vitest";
import { createTestSim, json } from "../../testing/simulator-helpers";
import { MAX_PAGE_SIZE } from "./unknowns";

interface Page {
  pageDetails: {
    count: number;
    totalCount: number;
    prevPageUrl: string | null;
    nextPageUrl: string | null;
  };
  devices: Array<{ uid: string; hostname: string; operatingSystem: string }>;
}

describe("simulator paging (API.md §4)", () => {
  it("is 0-based with absolute page URLs on the public base, null at the ends", async () => {
    const { get } = createTestSim({ devices: 600, publicBaseUrl: "http://127.0.0.1:4010" });
    const first = await json<Page>(await get("/v2/account/devices?max=250"));
    expect(first.pageDetails.count).toBe(250);
    expect(first.pageDetails.prevPageUrl).toBeNull();
    expect(first.pageDetails.nextPageUrl).toBe(
      "http://127.0.0.1:4010/api/v2/account/devices?max=250&page=1",
    );
    const total = first.pageDetails.totalCount;
    const last = await json<Page>(
      await get(`/v2/account/devices?max=250&page=${Math.floor((total - 1) / 250)}`),
    );
    expect(last.pageDetails.nextPageUrl).toBeNull();
    expect(last.pageDetails.count).toBe(total - 250 * Math.floor((total - 1) / 250));
    expect(last.pageDetails.prevPageUrl).toContain("page=");
  });

  it("walks every device exactly once by following nextPageUrl", async () => {
    const { get } = createTestSim({ devices: 600 });
    const seen = new Set<string>();
    let path: string | null = "/v2/account/devices?max=100";
    let pages = 0;
    let total = 0;
    while (path) {
      const page: Page = await json<Page>(await get(path));
      total = page.pageDetails.totalCount;
      page.devices.forEach((d) => seen.add(d.uid));
      pages++;
      path = page.pageDetails.nextPageUrl
        ? new URL(page.pageDetails.nextPageUrl).pathname.replace(/^\/api/, "") +
          new URL(page.pageDetails.nextPageUrl).search
        : null;
    }
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 100));
  });

  it("clamps max to 250 and defaults to 250", async () => {
    const { get } = createTestSim({ devices: 600 });
    const big = await json<Page>(await get("/v2/account/devices?max=1000"));
    expect(big.devices).toHaveLength(250);
    expect(big.pageDetails.nextPageUrl).toContain("max=250&page=1");
    const plain = await json<Page>(await get("/v2/account/devices"));
    expect(plain.devices).toHaveLength(250);
    expect(await json(await get("/v2/system/pagination"))).toEqual({ max: 250 });
  });

  it("serves bad paging values as the defaults chosen in unknowns.ts", async () => {
    const { get } = createTestSim({ devices: 600 });
    for (const query of ["page=-3", "page=abc", "max=0", "max=-5", "max=ten"]) {
      const page = await json<Page>(await get(`/v2/account/devices?${query}`));
      expect(page.devices, query).toHaveLength(MAX_PAGE_SIZE);
      expect(page.pageDetails.prevPageUrl, query).toBeNull();
    }
    const past = await json<Page>(await get("/v2/account/devices?page=99"));
    expect(past.devices).toEqual([]);
    expect(past.pageDetails.nextPageUrl).toBeNull();
  });

  it("drops filter parameters from nextPageUrl, like real tenants", async () => {
    const { get } = createTestSim({ devices: 2000 });
    const page = await json<Page>(await get("/v2/account/devices?max=50&hostname=-WS-"));
    expect(page.devices.every((d) => d.hostname.includes("-WS-"))).toBe(true);
    expect(page.pageDetails.totalCount).toBeGreaterThan(50);
    const next = new URL(page.pageDetails.nextPageUrl ?? "");
    expect([...next.searchParams.keys()].sort()).toEqual(["max", "page"]);
    const unfiltered = await json<Page>(await get(`/v2/account/devices${next.search}`));
    expect(unfiltered.pageDetails.totalCount).toBeGreaterThan(page.pageDetails.totalCount);
  });

  it("filters sites by partial name and lists the Deleted Devices site", async () => {
    const { get } = createTestSim();
    const all = await json<{ sites: Array<{ name: string }> }>(await get("/v2/account/sites"));
    expect(all.sites.map((s) => s.name)).toContain("Deleted Devices");
    const some = await json<{ sites: Array<{ name: string }> }>(
      await get("/v2/account/sites?siteName=deleted"),
    );
    expect(some.sites.map((s) => s.name)).toEqual(["Deleted Devices"]);
  });
});
