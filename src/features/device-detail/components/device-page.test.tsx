import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DeviceRow } from "@server/contract/devices";
import { configureTestApp, getTestApp } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

async function deviceOf(deviceClass: string, where: (d: DeviceRow) => boolean = () => true) {
  const { services } = await getTestApp();
  const device = services.fleet
    .snapshot()
    .devices.find((d) => d.deviceClass === deviceClass && where(d));
  if (!device) throw new Error(`The simulated fleet has no ${deviceClass}.`);
  return device;
}

describe("DevicePage", () => {
  it("shows the summary and each audit tab, with the tab in the URL", async () => {
    const device = await deviceOf("device", (d) => d.openAlerts.total > 0);
    const { user, router } = await renderApp(`/devices/${device.uid}`, {
      signedInAs: "technician",
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: device.hostname }),
    ).toBeInTheDocument();
    expect(screen.getByText("Internal IP")).toBeInTheDocument();
    expect(screen.getByText("Last reboot")).toBeInTheDocument();

    const tabs = screen.getByRole("tablist", { name: "Device audit" });
    expect(within(tabs).getByRole("tab", { name: "Software" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    expect(await screen.findByText(/\d+ packages/)).toBeInTheDocument();
    const panel = screen.getByRole("tabpanel");
    const before = within(panel).getAllByRole("row").length;
    const firstName = within(panel).getAllByRole("cell")[0]!.textContent ?? "";
    await user.type(screen.getByLabelText("Search software"), firstName);
    await waitFor(() => expect(within(panel).getAllByRole("row").length).toBeLessThan(before));

    await user.click(within(tabs).getByRole("tab", { name: "Hardware" }));
    await waitFor(() => expect(currentPath(router)).toContain("tab=hardware"));
    expect(await screen.findByRole("heading", { name: "System" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "BIOS and board" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Memory modules/ })).toBeInTheDocument();
    expect(screen.getAllByRole("meter", { name: /usage/ }).length).toBeGreaterThan(0);

    // Arrow keys move between tabs (WAI-ARIA tabs) and the URL follows.
    within(tabs).getByRole("tab", { name: "Hardware" }).focus();
    await user.keyboard("{ArrowRight}");
    await waitFor(() => expect(currentPath(router)).toContain("tab=network"));
    expect(await screen.findByRole("columnheader", { name: "IPv4" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "MAC address" })).toBeInTheDocument();

    await user.click(within(tabs).getByRole("tab", { name: /Alerts/ }));
    expect(await screen.findByRole("heading", { name: /Open alerts \(\d+\)/ })).toBeInTheDocument();
    expect(
      await screen.findByRole("heading", { name: /Resolved alerts \(\d+\)/ }),
    ).toBeInTheDocument();
  });

  it("opens on the tab named in the URL", async () => {
    const device = await deviceOf("device");
    await renderApp(`/devices/${device.uid}?tab=network`, { signedInAs: "viewer" });
    const tab = await screen.findByRole("tab", { name: "Network" });
    expect(tab).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("columnheader", { name: "IPv6" })).toBeInTheDocument();
  });

  it("gives a class Datto cannot audit a clear message, not an error", async () => {
    const device = await deviceOf("rmmnetworkdevice");
    await renderApp(`/devices/${device.uid}?tab=hardware`, { signedInAs: "viewer" });
    expect(await screen.findByText(/No audit for this network device/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows an ESXi host's own audit", async () => {
    configureTestApp({ devices: 400 });
    const device = await deviceOf("esxihost");
    await renderApp(`/devices/${device.uid}?tab=hardware`, { signedInAs: "viewer" });
    expect(await screen.findByRole("heading", { name: /Datastores/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Guests/ })).toBeInTheDocument();
    // Units as ESXi sends them: CPU in GHz, guest memory in MB (never shown as a few KB).
    const processors = screen.getByRole("table", { name: "Processors" });
    expect(within(processors).getAllByText(/^\d+(\.\d+)? GHz$/).length).toBeGreaterThan(0);
    const guests = screen.getByRole("table", { name: "Guests" });
    expect(within(guests).getAllByText(/^\d+(\.\d+)? GB$/).length).toBeGreaterThan(0);
    expect(within(guests).queryByText(/ KB$/)).not.toBeInTheDocument();
    // A printer-only or computer-only fact is not claimed for a host that does not report it.
    expect(screen.queryByText("never")).not.toBeInTheDocument();
  });

  it("shows a printer's supplies with how much is left", async () => {
    const device = await deviceOf("printer");
    await renderApp(`/devices/${device.uid}?tab=hardware`, { signedInAs: "viewer" });
    expect(await screen.findByRole("heading", { name: /Supplies/ })).toBeInTheDocument();
    const meters = screen.getAllByRole("meter", { name: /level$/ });
    expect(meters.length).toBeGreaterThan(0);
    expect(meters[0]).toHaveAttribute("aria-valuetext", expect.stringMatching(/^\d+% left$/));
  });

  it("says so when the device does not exist", async () => {
    await renderApp("/devices/no-such-device", { signedInAs: "viewer" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "No such device" }),
    ).toBeInTheDocument();
  });
});
