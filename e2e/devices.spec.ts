import { expect, test } from "@playwright/test";
import { seriousViolations, signIn } from "./support/session";
import { DeviceTablePage } from "./pages/device-table";

/** The device browser and device page against the real server in demo mode. */

test.use({ bypassCSP: true });

test("find a device by typing, open each audit tab, share the URL", async ({ page, context }) => {
  await signIn(page);
  await page.goto("/devices");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  const [first] = await table.hostnames();
  expect(first).toBeTruthy();

  await page.keyboard.press("/");
  await expect(table.search).toBeFocused();
  await page.keyboard.type(first!);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(first!)}`));
  // Until the filtered answer arrives the previous rows stay (they include `first` too): wait for
  // a table in which every row matches.
  await expect
    .poll(async () => {
      const names = await table.hostnames();
      const matching = names.every((n) => n.toLowerCase().includes(first!.toLowerCase()));
      return matching && names.includes(first!);
    })
    .toBe(true);

  await table.dataRows().getByRole("link", { name: first, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();

  const tabs = page.getByRole("tablist", { name: "Device audit" });
  await tabs.getByRole("tab", { name: "Software" }).click();
  await expect(page.getByRole("tabpanel")).toContainText(/packages|software audits/);
  await tabs.getByRole("tab", { name: "Hardware" }).click();
  await expect(page).toHaveURL(/tab=hardware/);
  await expect(page.getByRole("tabpanel")).toContainText(/System|Host|Printer|No audit/);
  await tabs.getByRole("tab", { name: "Hardware" }).press("ArrowRight");
  await expect(page).toHaveURL(/tab=network/);
  await expect(tabs.getByRole("tab", { name: "Network" })).toBeFocused();
  await expect(page.getByRole("tabpanel")).toContainText(/IPv4|No audit|no network/i);
  await tabs.getByRole("tab", { name: /Alerts/ }).click();
  await expect(page.getByRole("tabpanel")).toContainText("Resolved alerts");

  // The same URL in a new page shows the same view.
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await expect(other.getByRole("tab", { name: /Alerts/ })).toHaveAttribute("aria-selected", "true");
});

test("a filtered, sorted device view survives being opened from its link", async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.goto("/devices?status=online&sort=lastSeen&dir=desc");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  await expect(page.getByRole("button", { name: /Filters \(1\)/ })).toBeVisible();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("online");
  await expect(table.grid.getByRole("columnheader", { name: /Last seen/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const names = await table.hostnames();

  const other = await context.newPage();
  await other.goto(page.url());
  const again = new DeviceTablePage(other);
  await again.waitForRows();
  expect(await again.hostnames()).toEqual(names);
});

test("never more than 100 rows in the DOM while scrolling", async ({ page }) => {
  await signIn(page);
  await page.goto("/devices");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  let max = await table.rowElementCount();
  for (const f of [0.1, 0.3, 0.5, 0.8, 1, 0]) {
    await table.scrollTo(f);
    await page.waitForTimeout(150);
    max = Math.max(max, await table.rowElementCount());
  }
  await table.waitForRows();
  expect(max).toBeGreaterThan(5);
  expect(max).toBeLessThanOrEqual(100);
});

test("devices and device pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page);
  await page.goto("/devices");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  expect(await seriousViolations(page)).toEqual([]);

  await table.dataRows().first().getByRole("link").first().click();
  await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
  await expect(page.getByRole("tabpanel")).not.toContainText("Loading");
  expect(await seriousViolations(page)).toEqual([]);
});
