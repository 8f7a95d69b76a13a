import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { DeviceDetailSchema, type DeviceRow } from "@server/contract/devices";
import { configureTestApp, forwardToApp, getTestApp, server } from "@/testing/msw-server";
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

    // Open alerts come first: the device opens on them, most urgent first.
    const tabs = screen.getByRole("tablist", { name: "Device audit" });
    expect(within(tabs).getAllByRole("tab")[0]).toHaveTextContent(/Alerts/);
    expect(within(tabs).getByRole("tab", { name: /Alerts/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const open = await screen.findByRole("region", { name: "Open alerts" });
    const order = ["Critical", "High", "Moderate", "Low", "Information", "Unknown"];
    await waitFor(() => expect(within(open).getAllByRole("listitem").length).toBeGreaterThan(0));
    const priorities = within(open)
      .getAllByRole("listitem")
      .map((item) => order.indexOf(item.querySelector("span")?.textContent ?? ""));
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));

    await user.click(within(tabs).getByRole("tab", { name: "Software" }));
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
    expect(document.title).toBe(`${device.hostname} · Devices · RMM Deck`);
  });

  it("opens a device without open alerts on what Datto audits for its class", async () => {
    configureTestApp({ devices: 400 });
    const computer = await deviceOf("device", (d) => d.openAlerts.total === 0);
    const printer = await deviceOf("printer", (d) => d.openAlerts.total === 0);
    const network = await deviceOf("rmmnetworkdevice", (d) => d.openAlerts.total === 0);
    for (const [device, tab] of [
      [computer, "Software"],
      [printer, "Hardware"],
      [network, /Alerts/],
    ] as const) {
      const view = await renderApp(`/devices/${device.uid}`, { signedInAs: "viewer" });
      await screen.findByRole("heading", { level: 1, name: device.hostname });
      expect(screen.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
      view.unmount();
    }
  });

  it("shows the agent's version as the agent version, and the OS release apart", async () => {
    const device = await deviceOf("device");
    const { sim } = await getTestApp();
    const raw = sim.tenant.listDevices().find((d) => d.uid === device.uid)!;
    await renderApp(`/devices/${device.uid}`, { signedInAs: "viewer" });
    await screen.findByRole("heading", { level: 1, name: device.hostname });
    const fact = (label: string) => screen.getByText(label).nextElementSibling;
    expect(fact("Agent version")).toHaveTextContent(raw.cagVersion ?? "—");
    expect(fact("OS release")).toHaveTextContent(raw.displayVersion ?? "—");
  });

  it("shows endpoint text without bidirectional controls", async () => {
    const device = await deviceOf("device");
    // An endpoint that names itself to reorder what is shown around it.
    server.use(
      http.get(`*/api/devices/${device.uid}`, async ({ request }) => {
        const real = DeviceDetailSchema.parse(await (await forwardToApp(request)).json());
        return HttpResponse.json({
          ...real,
          hostname: "PC-\u202Egpj.exe",
          lastLoggedInUser: "ACME\\\u2067admin\u2069",
        });
      }),
    );
    await renderApp(`/devices/${device.uid}`, { signedInAs: "viewer" });
    const heading = await screen.findByRole("heading", { level: 1 });
    expect(heading.textContent).toBe("PC-gpj.exe");
    expect(screen.getByText("Last user").nextElementSibling!.textContent).toBe("ACME\\admin");
    expect(document.title).toBe("PC-gpj.exe · Devices · RMM Deck");
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

  it("says so when the device does not exist, or the address holds no device id", async () => {
    for (const path of ["/devices/no-such-device", "/devices/not.a.uid"]) {
      const view = await renderApp(path, { signedInAs: "viewer" });
      expect(
        await screen.findByRole("heading", { level: 1, name: "No such device" }),
      ).toBeInTheDocument();
      // Asking again cannot help: no "Try again".
      expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
      expect(document.title).toBe("No such device · Devices · RMM Deck");
      view.unmount();
    }
  });
});
