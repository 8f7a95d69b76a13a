import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { getTestApp } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1200, height: 720 })));
afterEach(() => setVirtualizerOverrides({}));

function grid() {
  return screen.getByRole("grid", { name: "Devices" });
}

function dataRows() {
  return [...grid().querySelectorAll<HTMLElement>('[role="row"][data-row-index]')];
}

function hostnames() {
  return dataRows().map((row) => within(row).getAllByRole("link")[0]!.textContent ?? "");
}

async function waitForRows() {
  await waitFor(() => expect(dataRows().length).toBeGreaterThan(0), { timeout: 10_000 });
}

describe("DevicesPage", () => {
  it("shows rows of the simulated fleet with a freshness line", async () => {
    await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    expect(grid()).toHaveAttribute("tabindex", "0");
    expect(Number(grid().getAttribute("aria-rowcount"))).toBeGreaterThan(10);
    expect(hostnames().every((h) => h.length > 0)).toBe(true);
    expect(dataRows().length).toBeLessThanOrEqual(100);
    expect(screen.getByText(/\d+ devices/)).toBeInTheDocument();
    expect(screen.getByText(/as of/)).toBeInTheDocument();
  });
});

describe("DevicesPage freshness", () => {
  it("says loudly, with the reason, when the fleet data is stale", async () => {
    const { clock } = await getTestApp();
    await clock.advance(3 * 60 * 60_000);
    await renderApp("/devices", { signedInAs: "viewer" });
    await waitForRows();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/Stale data, as of/);
    expect(alert).toHaveTextContent(/Not refreshed for over \d+ minutes/);
  });
});

describe("DevicesPage filters, sort and URL", () => {
  it("typing in the search box narrows the rows and lands in the URL", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const target = hostnames()[2]!;
    const before = Number(grid().getAttribute("aria-rowcount"));
    await user.type(screen.getByRole("searchbox", { name: "Search devices" }), target);
    await waitFor(() => expect(currentPath(router)).toContain(`q=${encodeURIComponent(target)}`));
    // Free text also matches users, IPs, descriptions and UDFs: the hostname is among few rows.
    await waitFor(() => {
      expect(Number(grid().getAttribute("aria-rowcount"))).toBeLessThan(Math.min(before, 12));
      expect(hostnames()).toContain(target);
    });
  });

  it("clicking a header sorts on the server, ascending then descending", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const header = within(grid()).getByRole("columnheader", { name: /Hostname/ });
    await user.click(within(header).getByRole("button"));
    await waitFor(() => expect(currentPath(router)).toContain("sort=hostname&dir=asc"));
    expect(header).toHaveAttribute("aria-sort", "ascending");
    await waitFor(() => {
      const names = hostnames();
      expect(names).toEqual(
        [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: "base" })),
      );
    });
    const ascFirst = hostnames()[0];
    await user.click(within(header).getByRole("button"));
    await waitFor(() => expect(currentPath(router)).toContain("sort=hostname&dir=desc"));
    expect(header).toHaveAttribute("aria-sort", "descending");
    await waitFor(() => expect(hostnames()[0]).not.toBe(ascFirst));
  });

  it("a link with filters shows them in the controls and the rows", async () => {
    await renderApp("/devices?status=offline&os=Windows&sort=lastSeen&dir=desc", {
      signedInAs: "viewer",
    });
    await waitForRows();
    expect(screen.getByLabelText("Status")).toHaveValue("offline");
    expect(screen.getByLabelText("Operating system")).toHaveValue("Windows");
    expect(screen.getByRole("button", { name: "Filters (2)" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    expect(within(grid()).getByRole("columnheader", { name: /Last seen/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    for (const row of dataRows()) {
      expect(within(row).getByText("Offline")).toBeInTheDocument();
      expect(row).toHaveTextContent(/Windows/);
    }
  });

  it("saves the current view on the server and applies it later", async () => {
    const { user, router } = await renderApp("/devices?status=online&sort=hostname&dir=desc", {
      signedInAs: "technician",
    });
    await waitForRows();
    await user.click(screen.getByRole("button", { name: "Saved views" }));
    await user.type(screen.getByLabelText("Save the current view as"), "Online, Z first");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const link = await screen.findByRole("link", { name: "Online, Z first" });

    await router.navigate("/devices");
    await waitFor(() => expect(currentPath(router)).toBe("/devices"));
    await user.click(
      link.isConnected ? link : await screen.findByRole("link", { name: "Online, Z first" }),
    );
    await waitFor(() => expect(currentPath(router)).toContain("status=online"));
    expect(currentPath(router)).toContain("sort=hostname&dir=desc");
    await waitForRows();
    expect(screen.getByLabelText("Status")).toHaveValue("online");
  });
});

/** The rows of a CSV the server wrote (header first), parsed enough for hostnames. */
async function csvHostnames(href: string): Promise<string[]> {
  const response = await fetch(new URL(href, "http://localhost"));
  expect(response.status).toBe(200);
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split(/\r?\n/);
  return lines.slice(1).map((line) => /^"((?:[^"]|"")*)"/.exec(line)![1]!.replace(/""/g, '"'));
}

function bar() {
  return screen.getByRole("region", { name: "Selected devices" });
}

describe("DevicesPage selection and keyboard", () => {
  it("selects a range with shift and offers the bulk actions on exactly those devices", async () => {
    const { user } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const names = hostnames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${names[0]}` }));
    await user.keyboard("{Shift>}");
    await user.click(screen.getByRole("checkbox", { name: `Select ${names[3]}` }));
    await user.keyboard("{/Shift}");
    await waitFor(() => expect(bar()).toHaveTextContent("4 selected"));
    const exported = within(bar()).getByRole("link", { name: "Export 4 selected (CSV)" });
    expect(await csvHostnames(exported.getAttribute("href")!)).toEqual(names.slice(0, 4));
    await user.click(within(bar()).getByRole("button", { name: "Copy 4 hostnames" }));
    expect(await within(bar()).findByText("Copied 4 hostnames.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(names.slice(0, 4).join("\n"));
  });

  it("the header selects every matching device, not only the loaded ones", async () => {
    const { services } = await getTestApp();
    const total = services.fleet.snapshot().devices.length;
    const { user } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    await user.click(
      screen.getByRole("checkbox", {
        name: `Select all ${total.toLocaleString()} matching devices`,
      }),
    );
    await waitFor(() => expect(bar()).toHaveTextContent(`${total} selected`));
    const exported = within(bar()).getByRole("link", { name: `Export ${total} selected (CSV)` });
    expect(await csvHostnames(exported.getAttribute("href")!)).toHaveLength(total);
    expect(screen.getByRole("checkbox", { name: "Clear the selection" })).toBeChecked();
  });

  it("after a filter, says how many selected devices it hides and acts only on the shown ones", async () => {
    const { services } = await getTestApp();
    const devices = services.fleet.snapshot().devices;
    const { user } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    await user.click(screen.getByRole("checkbox", { name: /^Select all \d+ matching devices$/ }));
    await waitFor(() => expect(bar()).toHaveTextContent(`${devices.length} selected`));

    // One customer's workstations ("CLEAR-WS-"): a few devices, not all.
    const target = devices.find((d) => d.hostname.includes("-WS-"))!;
    const term = target.hostname.slice(0, target.hostname.indexOf("-WS-") + 4).toLowerCase();
    await user.type(screen.getByRole("searchbox", { name: "Search devices" }), `host:${term}`);
    const shown = devices.filter((d) => d.hostname.toLowerCase().includes(term));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(devices.length);
    const hidden = devices.length - shown.length;
    await waitFor(() =>
      expect(bar()).toHaveTextContent(
        `${devices.length} selected (${hidden} hidden by the current filter)`,
      ),
    );
    const exported = within(bar()).getByRole("link", {
      name: `Export ${shown.length} selected (CSV)`,
    });
    expect((await csvHostnames(exported.getAttribute("href")!)).sort()).toEqual(
      shown.map((d) => d.hostname).sort(),
    );
    // Unticking a shown device leaves it out of what actions get, and of the selection.
    await user.click(screen.getByRole("checkbox", { name: `Select ${target.hostname}` }));
    await waitFor(() => expect(bar()).toHaveTextContent(`${devices.length - 1} selected`));
    expect(
      within(bar()).getByRole("link", { name: `Export ${shown.length - 1} selected (CSV)` }),
    ).toBeInTheDocument();
  });

  it("picked devices stay selected under a filter that hides them, and are counted as hidden", async () => {
    const { user } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const [first, second] = hostnames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${first}` }));
    await user.click(screen.getByRole("checkbox", { name: `Select ${second}` }));
    await user.type(screen.getByRole("searchbox", { name: "Search devices" }), `host:${first}`);
    await waitFor(() =>
      expect(bar()).toHaveTextContent("2 selected (1 hidden by the current filter)"),
    );
    const exported = within(bar()).getByRole("link", { name: "Export 1 selected (CSV)" });
    expect(await csvHostnames(exported.getAttribute("href")!)).toEqual([first]);
  });

  it("rows outside an 'all matching' selection show unticked and cannot join it", async () => {
    const { services } = await getTestApp();
    const devices = services.fleet.snapshot().devices;
    const outside = devices.find((d) => !d.hostname.includes("-WS-"))!;
    const { user } = await renderApp(`/devices?q=${encodeURIComponent("host:-ws-")}`, {
      signedInAs: "technician",
    });
    await waitForRows();
    await user.click(screen.getByRole("checkbox", { name: /^Select all \d+ matching devices$/ }));
    const selected = devices.filter((d) => d.hostname.includes("-WS-")).length;
    await waitFor(() => expect(bar()).toHaveTextContent(`${selected} selected`));

    await user.clear(screen.getByRole("searchbox", { name: "Search devices" }));
    await user.type(
      screen.getByRole("searchbox", { name: "Search devices" }),
      `host:${outside.hostname}`,
    );
    const box = await screen.findByRole("checkbox", { name: `Select ${outside.hostname}` });
    await waitFor(() =>
      expect(bar()).toHaveTextContent(
        `${selected} selected (${selected} hidden by the current filter)`,
      ),
    );
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(await within(bar()).findByText(/not part of the selection/)).toBeInTheDocument();
    expect(box).not.toBeChecked();
    expect(bar()).toHaveTextContent(`${selected} selected`);
  });

  it("j/k move the active row, x selects it and Enter opens it", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const names = hostnames();
    // From the search box, ArrowDown moves into the results.
    await user.click(screen.getByRole("searchbox", { name: "Search devices" }));
    await user.keyboard("{ArrowDown}");
    expect(grid()).toHaveFocus();
    await user.keyboard("jjjk");
    const active = document.getElementById(grid().getAttribute("aria-activedescendant") ?? "");
    expect(active).toHaveTextContent(names[1]!);
    await user.keyboard("x");
    await waitFor(() => expect(bar()).toHaveTextContent("1 selected"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(currentPath(router)).toMatch(/^\/devices\/[^/?]+$/));
    expect(await screen.findByRole("heading", { level: 1, name: names[1] })).toBeInTheDocument();
  });
});

describe("DevicesPage with a Datto saved filter", () => {
  it("says the filter is being read, then shows exactly its devices without a reload", async () => {
    const { sim } = await getTestApp();
    // Simulator filter 1006 is Datto's default "Reboot Required".
    const expected = sim.tenant.listDevices().filter((d) => d.rebootRequired && !d.deleted).length;
    await renderApp("/devices?filterId=1006", { signedInAs: "viewer" });
    expect(await screen.findByText(/Reading this Datto filter's devices/)).toBeInTheDocument();
    await waitFor(() => expect(Number(grid().getAttribute("aria-rowcount")) - 1).toBe(expected), {
      timeout: 10_000,
    });
    expect(screen.getByText(new RegExp(`\\b${expected} devices`))).toBeInTheDocument();
  });
});
