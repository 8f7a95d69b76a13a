import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { http, HttpResponse } from "msw";
import { configureTestApp, getTestApp, server } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1400, height: 800 })));
afterEach(() => setVirtualizerOverrides({}));

function siteRows() {
  const grid = screen.getByRole("grid", { name: "Sites" });
  return [...grid.querySelectorAll<HTMLElement>('[role="row"][data-row-index]')];
}

describe("SitesPage", () => {
  it("ranks sites by attention and shows the parts of each score", async () => {
    const { services } = await getTestApp();
    const sites = services.fleet.snapshot().siteRows;
    const topScore = Math.max(...sites.map((s) => s.attention.score));
    await renderApp("/sites", { signedInAs: "viewer" });
    await waitFor(() => expect(siteRows().length).toBeGreaterThan(1));
    const grid = screen.getByRole("grid", { name: "Sites" });
    expect(within(grid).getByRole("columnheader", { name: /Attention/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    const top = siteRows()[0]!;
    const topName = within(top).getAllByRole("link")[0]!.textContent;
    const expected = sites.find((s) => s.name === topName)!;
    expect(expected.attention.score).toBe(topScore);
    expect(top).toHaveTextContent(String(expected.attention.score));
    const firstPart = expected.attention.parts[0]!;
    expect(top).toHaveTextContent(`${firstPart.label} +${firstPart.points}`);
  });

  it("lists Datto's Deleted Devices site apart, never ranked among the sites", async () => {
    const { services } = await getTestApp();
    const deleted = services.fleet.snapshot().siteRows.find((s) => s.isDeletedDevices)!;
    const ranked = services.fleet.snapshot().siteRows.length - 1;
    await renderApp("/sites", { signedInAs: "viewer" });
    await waitFor(() => expect(siteRows().length).toBeGreaterThan(1));
    const grid = screen.getByRole("grid", { name: "Sites" });
    expect(within(grid).queryByText("Deleted Devices")).not.toBeInTheDocument();
    expect(grid).toHaveAttribute("aria-rowcount", String(ranked + 1));
    expect(screen.getByText(`${ranked} sites`, { exact: false })).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "Deleted Devices" });
    expect(link).toHaveAttribute("href", `/sites/${deleted.uid}`);
    expect(link.parentElement).toHaveTextContent(/Not ranked: Deleted Devices \(\d+ devices?\)/);
    expect(document.title).toBe("Sites · RMM Deck");
  });

  it("says it is syncing, not that nothing matches, before the first sync has finished", async () => {
    configureTestApp({ syncFleet: false });
    await renderApp("/sites", { signedInAs: "viewer" });
    expect(
      await screen.findByText(
        "Syncing with Datto… sites appear here when the first sync finishes.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText("No sites match.")).not.toBeInTheDocument();
  });

  it("counts the first sync's progress in devices, with the time left", async () => {
    // The Deleted Devices site is read last (account/devices leaves its devices out): hold it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    configureTestApp({
      syncFleet: false,
      wrapDatto: (datto) => ({
        ...datto,
        async listSiteDevices(...args) {
          holding = true;
          await held;
          return datto.listSiteDevices(...args);
        },
      }),
    });
    const t = await getTestApp();
    const sync = t.fleet.refreshAll();
    await waitFor(() => expect(holding).toBe(true));
    // The browser looks 10 minutes into the sync (a big tenant's pace).
    vi.useFakeTimers({ toFake: ["Date"], now: t.clock.now() + 10 * 60_000 });
    const all = t.sim.tenant.listDevices();
    const listed = all.filter((d) => !d.deleted).length;

    try {
      await renderApp("/sites", { signedInAs: "viewer" });
      // Two of four pages (sites, account devices) in 10 min: about 10 min for the other two.
      const progress = `Syncing ${listed} of ${all.length} devices, about 10 min left`;
      expect(await screen.findByText(progress)).toHaveAttribute("role", "status");
      expect(screen.getByRole("meter", { name: "Sync progress" })).toHaveAttribute(
        "aria-valuenow",
        String(Math.floor((listed / all.length) * 100)),
      );
    } finally {
      vi.useRealTimers();
      release();
      await sync;
    }
    await waitFor(() => expect(siteRows().length).toBeGreaterThan(1), { timeout: 10_000 });
    expect(screen.queryByRole("meter", { name: "Sync progress" })).not.toBeInTheDocument();
  });

  it("searches and sorts sites through the URL", async () => {
    const { user, router } = await renderApp("/sites", { signedInAs: "viewer" });
    await waitFor(() => expect(siteRows().length).toBeGreaterThan(1));
    const grid = screen.getByRole("grid", { name: "Sites" });
    await user.click(
      within(within(grid).getByRole("columnheader", { name: /^Site/ })).getByRole("button"),
    );
    await waitFor(() => expect(currentPath(router)).toContain("sort=name&dir=asc"));
    await waitFor(() => {
      const names = siteRows().map((r) => within(r).getAllByRole("link")[0]!.textContent ?? "");
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    });

    const name = within(siteRows()[1]!).getAllByRole("link")[0]!.textContent ?? "";
    await user.type(screen.getByRole("searchbox", { name: "Search sites" }), name);
    await waitFor(() => {
      expect(siteRows()).toHaveLength(1);
      expect(siteRows()[0]).toHaveTextContent(name);
    });

    // From the search box to the results with ArrowDown, then j and Enter open the site.
    await user.keyboard("{ArrowDown}");
    expect(grid).toHaveFocus();
    await user.keyboard("j{Enter}");
    await waitFor(() => expect(currentPath(router)).toMatch(/^\/sites\/[^/?]+$/));
    expect(await screen.findByRole("heading", { level: 1, name })).toBeInTheDocument();
  });

  it("opens a site with its summary, its devices and its open alerts", async () => {
    const { services } = await getTestApp();
    const site = services.fleet
      .snapshot()
      .siteRows.find((s) => s.openAlerts.total > 0 && s.devices > 0)!;
    await renderApp(`/sites/${site.uid}`, { signedInAs: "viewer" });
    expect(await screen.findByRole("heading", { level: 1, name: site.name })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Attention score" })).toBeInTheDocument();
    const devices = screen.getByRole("grid", { name: "Devices of this site" });
    await waitFor(() => {
      const shown = devices.querySelectorAll('[role="row"][data-row-index]').length;
      expect(shown).toBeGreaterThanOrEqual(Math.min(site.devices, 10));
      expect(shown).toBeLessThanOrEqual(site.devices);
    });
    expect(devices).toHaveAttribute("aria-rowcount", String(site.devices + 1));
    expect(
      await screen.findByRole("heading", { name: `Open alerts (${site.openAlerts.total})` }),
    ).toBeInTheDocument();
  });

  it("lets a technician re-read a site from Datto, and keeps the button from viewers", async () => {
    const { services, sim } = await getTestApp();
    const site = services.fleet.snapshot().siteRows.find((s) => s.devices > 0)!;
    const siteDevicesReads = () =>
      sim.control.counters().byRoute["GET /v2/site/{siteUid}/devices"] ?? 0;

    const { user } = await renderApp(`/sites/${site.uid}`, { signedInAs: "technician" });
    await screen.findByRole("heading", { level: 1, name: site.name });
    const before = siteDevicesReads();
    await user.click(screen.getByRole("button", { name: "Refresh from Datto" }));
    await waitFor(() => expect(siteDevicesReads()).toBeGreaterThan(before));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Refresh from Datto" })).toBeEnabled(),
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(await screen.findByText("Refreshed from Datto just now.")).toBeInTheDocument();
  });

  it("says so, visibly, when a refresh from Datto fails", async () => {
    const { services } = await getTestApp();
    const site = services.fleet.snapshot().siteRows.find((s) => s.devices > 0)!;
    // Datto failing on the refresh itself: an answer the simulator cannot time for a test.
    server.use(
      http.post("*/api/sites/:uid/refresh", () =>
        HttpResponse.json(
          { error: { code: "upstream_down", message: "Datto RMM is not answering (503)." } },
          { status: 503 },
        ),
      ),
    );
    const { user } = await renderApp(`/sites/${site.uid}`, { signedInAs: "technician" });
    await screen.findByRole("heading", { level: 1, name: site.name });
    await user.click(screen.getByRole("button", { name: "Refresh from Datto" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Refresh from Datto failed");
    expect(alert).toHaveTextContent("Datto RMM is not answering (503).");
    expect(screen.queryByText(/Refreshed from Datto/)).not.toBeInTheDocument();
  });

  it("shows no refresh button to a viewer", async () => {
    const { services } = await getTestApp();
    const site = services.fleet.snapshot().siteRows.find((s) => s.devices > 0)!;
    await renderApp(`/sites/${site.uid}`, { signedInAs: "viewer" });
    await screen.findByRole("heading", { level: 1, name: site.name });
    expect(screen.queryByRole("button", { name: "Refresh from Datto" })).not.toBeInTheDocument();
  });

  it("links each summary count to the device browser filtered to those devices", async () => {
    const { services } = await getTestApp();
    const site = services.fleet.snapshot().siteRows.find((s) => s.devices > 0)!;
    const { user, router } = await renderApp(`/sites/${site.uid}`, { signedInAs: "viewer" });
    const classes = await screen.findByRole("heading", { name: "Device classes" });
    const card = classes.closest("section")!;
    await user.click(within(card).getAllByRole("link")[0]!);
    await waitFor(() =>
      expect(currentPath(router)).toMatch(/^\/devices\?siteUid=[^&]+&deviceClass=/),
    );
    expect(await screen.findByRole("grid", { name: "Devices" })).toBeInTheDocument();
  });
});
