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

describe("DevicesPage selection and keyboard", () => {
  it("selects a range with shift and offers the bulk actions", async () => {
    const { user } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const names = hostnames();
    await user.click(screen.getByRole("checkbox", { name: `Select ${names[0]}` }));
    await user.keyboard("{Shift>}");
    await user.click(screen.getByRole("checkbox", { name: `Select ${names[3]}` }));
    await user.keyboard("{/Shift}");
    const bar = screen.getByRole("region", { name: "Selected devices" });
    expect(bar).toHaveTextContent("4 selected");
    expect(within(bar).getByRole("button", { name: "Export selected CSV" })).toBeInTheDocument();
    await user.click(within(bar).getByRole("button", { name: "Copy hostnames" }));
    expect(await within(bar).findByText("Copied 4 hostnames.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(names.slice(0, 4).join("\n"));
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
    expect(screen.getByRole("region", { name: "Selected devices" })).toHaveTextContent(
      "1 selected",
    );
    await user.keyboard("{Enter}");
    await waitFor(() => expect(currentPath(router)).toMatch(/^\/devices\/[^/?]+$/));
    expect(await screen.findByRole("heading", { level: 1, name: names[1] })).toBeInTheDocument();
  });
});
