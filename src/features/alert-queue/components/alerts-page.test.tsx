import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
});
