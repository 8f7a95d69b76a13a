import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { getTestApp } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1400, height: 800 })));
afterEach(() => setVirtualizerOverrides({}));

function alertRows() {
  const grid = screen.getByRole("grid", { name: "Open alerts" });
  return [...grid.querySelectorAll<HTMLElement>('[role="row"][data-row-index]')];
}

describe("AlertsPage", () => {
  it("shows every open alert most urgent first, with counts that filter through the URL", async () => {
    const t = await getTestApp();
    await t.services.alerts.tick();
    const open = t.sim.tenant.openAlerts();
    const critical = open.filter((a) => a.priority === "Critical").length;
    const { user, router } = await renderApp("/alerts", { signedInAs: "viewer" });
    await waitFor(() => expect(alertRows().length).toBeGreaterThan(0));
    const chip = screen.getByRole("button", { name: `Critical ${critical}` });
    expect(within(alertRows()[0]!).getByText(/Critical|High/)).toBeInTheDocument();
    await user.click(chip);
    await waitFor(() => expect(currentPath(router)).toContain("priority=Critical"));
    await waitFor(() => expect(alertRows()).toHaveLength(critical));
    expect(chip).toHaveAttribute("aria-pressed", "true");
  });

  it("opens an alert's detail from the URL with its diagnostics as plain text", async () => {
    const t = await getTestApp();
    await t.services.alerts.tick();
    const withText = t.sim.tenant.openAlerts().find((a) => a.diagnostics)!;
    await renderApp(`/alerts?alert=${withText.alertUid}`, { signedInAs: "technician" });
    const panel = await screen.findByRole("region", { name: "Alert detail" });
    await within(panel).findByRole("heading", { name: "Diagnostics" });
    const pre = panel.querySelector("pre")!;
    expect(pre.textContent).toBe(withText.diagnostics);
    expect(within(panel).getByText(/does not fix the cause/)).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Claim (c)" })).toBeInTheDocument();
  });

  it("offers claim, resolve and selection only to people with alerts:claim / alerts:resolve", async () => {
    const t = await getTestApp();
    await t.services.alerts.tick();
    const uid = t.sim.tenant.openAlerts()[0]!.alertUid;
    await renderApp(`/alerts?alert=${uid}`, { signedInAs: "viewer" });
    const panel = await screen.findByRole("region", { name: "Alert detail" });
    await within(panel).findByRole("heading", { name: "Diagnostics" });
    await waitFor(() => expect(alertRows().length).toBeGreaterThan(0));
    expect(within(panel).queryByRole("button", { name: "Claim (c)" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Resolve… (r)" })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /^Select alert/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Keys in the list/)).not.toBeInTheDocument();
    cleanup();

    await renderApp(`/alerts?alert=${uid}`, { signedInAs: "technician" });
    const techPanel = await screen.findByRole("region", { name: "Alert detail" });
    expect(
      await within(techPanel).findByRole("button", { name: "Resolve… (r)" }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole("checkbox", { name: /^Select alert/ }).length).toBeGreaterThan(0),
    );
  });

  it("keeps saved views on the server: the person finds them in a new browser", async () => {
    const t = await getTestApp();
    await t.services.alerts.tick();
    window.localStorage.clear();
    const first = await renderApp("/alerts?sort=device&dir=desc&group=site", {
      signedInAs: "technician",
    });
    await waitFor(() => expect(alertRows().length).toBeGreaterThan(0));
    vi.spyOn(window, "prompt").mockReturnValue("Devices Z-A by site");
    await first.user.click(screen.getByRole("button", { name: "Save view" }));
    const picker = screen.getByRole("combobox", { name: "Saved views" });
    await waitFor(() =>
      expect(
        within(picker).getByRole("option", { name: "Devices Z-A by site" }),
      ).toBeInTheDocument(),
    );
    vi.restoreAllMocks();

    // Another browser: nothing in this one's storage, a new sign-in, a new cache.
    cleanup();
    window.localStorage.clear();
    const second = await renderApp("/alerts", { signedInAs: "technician" });
    await waitFor(() => expect(alertRows().length).toBeGreaterThan(0));
    const again = screen.getByRole("combobox", { name: "Saved views" });
    const option = await within(again).findByRole("option", { name: "Devices Z-A by site" });
    await second.user.selectOptions(again, option);
    await waitFor(() => expect(currentPath(second.router)).toContain("sort=device&dir=desc"));
    expect(currentPath(second.router)).toContain("group=site");
    expect(await screen.findByRole("list", { name: "Alerts by site" })).toBeInTheDocument();
    // Someone else does not see it.
    cleanup();
    await renderApp("/alerts", { signedInAs: "viewer" });
    await waitFor(() => expect(alertRows().length).toBeGreaterThan(0));
    const theirs = screen.getByRole("combobox", { name: "Saved views" });
    await waitFor(() =>
      expect(within(theirs).getByRole("option", { name: "Saved views" })).toBeInTheDocument(),
    );
    expect(within(theirs).queryByRole("option", { name: "Devices Z-A by site" })).toBeNull();
  });

  it("counts per priority and groups cover every open alert, not only the loaded window", async () => {
    const t = await getTestApp();
    await t.services.alerts.tick();
    const open = t.sim.tenant.openAlerts();
    const sites = new Set(open.map((a) => a.alertSourceInfo.siteUid ?? ""));
    await renderApp("/alerts?group=site", { signedInAs: "viewer" });
    const groups = await screen.findByRole("list", { name: "Alerts by site" });
    await waitFor(() => expect(within(groups).getAllByRole("listitem")).toHaveLength(sites.size));
    const grid = screen.getByRole("grid", { name: "Open alerts" });
    expect(grid).toHaveAttribute("aria-rowcount", String(open.length + 1));
  });
});
