import { expect, test, type Page } from "@playwright/test";
import type { DeviceListResponse, DeviceRow } from "../server/contract/devices";
import {
  componentByName,
  componentSeed,
  rolledOutcome,
} from "../server/datto/simulator/components-catalog";
import { runDuration } from "../server/datto/simulator/jobs";
import { DeviceTablePage } from "./pages/device-table";
import { horizontalOverflow, shoot, WIDTHS } from "./support/screens";
import { seriousViolations, signIn } from "./support/session";

test.use({ bypassCSP: true });

/**
 * The job launcher against the demo tenant (real clock): run a component on a device and watch it
 * go Pending -> Running -> Success with its stdout; launch on three devices picked in the device
 * browser and see the one Failure among them. The simulator's outcomes and timings are pure
 * functions of (component, device), so the spec picks devices that finish within a minute.
 */
const FLUSH_DNS = componentByName("Flush DNS cache");

/** When a run of the component on the device ends after the PUT (ms): pick-up plus duration. */
const endsAfter = (deviceUid: string) =>
  3_000 +
  (componentSeed(FLUSH_DNS.uid, deviceUid) % 25) * 1000 +
  runDuration(FLUSH_DNS.uid, deviceUid);

async function windowsDevices(page: Page): Promise<DeviceRow[]> {
  const res = await page.request.get(
    "/api/devices?status=online&deviceClass=device&os=windows&limit=500",
  );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as DeviceListResponse;
  return body.rows.filter((d) => d.siteName !== "Deleted Devices");
}

const pick = (devices: DeviceRow[], outcome: "Success" | "Failure", withinMs: number) =>
  devices
    .filter((d) => rolledOutcome(FLUSH_DNS.uid, d.uid) === outcome && endsAfter(d.uid) <= withinMs)
    .sort((a, b) => endsAfter(a.uid) - endsAfter(b.uid));

test("run a component on a device: Pending -> Running -> Success, then read its stdout", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const devices = await windowsDevices(page);
  // Long enough to be seen Running, short enough to finish soon.
  const device = pick(devices, "Success", 60_000).find(
    (d) => runDuration(FLUSH_DNS.uid, d.uid) >= 12_000,
  )!;
  expect(device).toBeTruthy();

  await page.goto(`/devices/${device.uid}`);
  await page.getByRole("link", { name: "Run a component" }).click();
  await expect(page.getByRole("heading", { name: "Run a component on 1 device" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search components" }).fill("dns");
  await page.getByRole("button", { name: /^Flush DNS cache/ }).click();
  await expect(page.getByText("This component takes no variables.")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByText("Flush DNS cache (requested by technician, via RMM Deck)"),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: device.hostname })).toBeVisible();
  await page.getByRole("button", { name: "Run on 1 device" }).click();

  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+$/);
  const row = page.getByTestId(`target-${device.uid}`);
  await expect(row).toContainText(/Pending|Sending|Queued/);
  await expect(row).toContainText("Running", { timeout: 45_000 });
  await expect(row).toContainText("Success", { timeout: 90_000 });
  await expect(page.getByRole("progressbar", { name: "Targets finished" })).toHaveAttribute(
    "aria-valuenow",
    "1",
  );
  await row.getByRole("button", { name: /^Show output of/ }).click({ timeout: 15_000 });
  await expect(row.locator("pre").first()).not.toBeEmpty();
});

test("launch on three devices selected in the device browser: one Failure among them", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page);
  const devices = await windowsDevices(page);
  const ok = pick(devices, "Success", 60_000).slice(0, 2);
  const failing = pick(devices, "Failure", 90_000)[0]!;
  expect(ok).toHaveLength(2);
  expect(failing).toBeTruthy();
  const chosen = [...ok, failing];

  await page.goto("/devices");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  for (const d of chosen) {
    await table.typeSearch(`host:${d.hostname}`);
    await expect.poll(() => table.hostnames()).toContain(d.hostname);
    await page.getByRole("checkbox", { name: `Select ${d.hostname}`, exact: true }).check();
  }
  await table.typeSearch("");
  const bar = page.getByRole("region", { name: "Selected devices" });
  await expect(bar).toContainText("3 selected");
  await bar.getByRole("link", { name: "Run a component on 3" }).click();

  await expect(page.getByRole("heading", { name: "Run a component on 3 devices" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search components" }).fill("flush");
  await page.getByRole("button", { name: /^Flush DNS cache/ }).click();
  await page.getByRole("button", { name: "Preview" }).click();
  for (const d of chosen) await expect(page.getByRole("cell", { name: d.hostname })).toBeVisible();
  await page.getByRole("button", { name: "Run on 3 devices" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+$/);

  await expect(page.getByTestId(`target-${failing.uid}`)).toContainText("Failure", {
    timeout: 120_000,
  });
  for (const d of ok)
    await expect(page.getByTestId(`target-${d.uid}`)).toContainText("Success", { timeout: 60_000 });
  await expect(page.getByText("Finished, 1 with problems")).toBeVisible();

  await page.getByRole("link", { name: "Jobs", exact: true }).first().click();
  await page.getByRole("combobox", { name: "Status" }).selectOption("problems");
  await expect(page.getByRole("cell", { name: "3 devices" })).toBeVisible();
});

test("the jobs screens fit 1440, 1920 and 390 px wide", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const [device] = await windowsDevices(page);
  const runs = (await (await page.request.get("/api/jobs?limit=1")).json()) as {
    runs: Array<{ id: string }>;
  };
  const screens: Array<[string, string, () => Promise<void>]> = [
    ["jobs", "/jobs", () => expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible()],
    [
      "job-launcher",
      `/jobs/new?device=${device!.uid}`,
      async () => {
        await page.getByRole("button", { name: /^Disk Cleanup/ }).click();
        await expect(page.getByLabel("days")).toHaveValue("7");
      },
    ],
  ];
  if (runs.runs[0])
    screens.push([
      "job-run",
      `/jobs/${runs.runs[0].id}`,
      () => expect(page.getByRole("progressbar", { name: "Targets finished" })).toBeVisible(),
    ]);
  for (const { name, width, height } of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const [screen, url, ready] of screens) {
      await page.goto(url);
      await ready();
      await shoot(page, `${screen}-${name}`);
      expect(await horizontalOverflow(page), `${screen} at ${name}`).toBe(0);
      if (name === "1440") expect(await seriousViolations(page), screen).toEqual([]);
    }
  }
});
