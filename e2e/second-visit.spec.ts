import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/session";

/**
 * Every virtualized table must show its rows the second time it is shown: after Back, after the
 * nav, after a reload. Cached data renders at once then, which is when a table used to stay blank.
 */
test.use({ bypassCSP: true });

const rowsOf = (grid: Locator) => grid.locator('[role="row"][data-row-index]');
const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

async function expectRows(grid: Locator) {
  await expect(rowsOf(grid).first()).toBeVisible();
  expect(await rowsOf(grid).count()).toBeGreaterThan(3);
}

test("devices: a device and Back, Sites and Devices again, a reload", async ({ page }) => {
  await signIn(page);
  await page.goto("/devices");
  const grid = page.getByRole("grid", { name: "Devices" });
  await expectRows(grid);

  await rowsOf(grid).first().getByRole("link").first().click();
  await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
  await page.goBack();
  await expectRows(grid);

  await nav(page, "Sites").click();
  await expectRows(page.getByRole("grid", { name: "Sites" }));
  await nav(page, "Devices").click();
  await expectRows(grid);

  await page.reload();
  await expectRows(grid);
});

test("sites and a site's devices: a site and Back, the same site again", async ({ page }) => {
  await signIn(page);
  await page.goto("/sites");
  const sites = page.getByRole("grid", { name: "Sites" });
  await expectRows(sites);
  const link = rowsOf(sites).first().getByRole("link").first();
  const name = (await link.textContent()) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const siteDevices = page.getByRole("grid", { name: "Devices of this site" });
  await expectRows(siteDevices);

  await rowsOf(siteDevices).first().getByRole("link").first().click();
  await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
  await page.goBack();
  await expectRows(siteDevices);

  await page.goBack();
  await expectRows(sites);
  await page.goForward();
  await expectRows(siteDevices);
});

test("software results: a device and Back", async ({ page }) => {
  await signIn(page);
  await nav(page, "Software").click();
  await page.getByLabel("Which devices have installed…").fill("Chrome");
  await page.getByRole("button", { name: "Search" }).click();
  const grid = page.getByRole("grid", { name: "Devices with this software" });
  // The crawl reads audits within the shared budget: wait for a few matches, not for the end.
  await expect.poll(() => rowsOf(grid).count(), { timeout: 20_000 }).toBeGreaterThan(3);

  await rowsOf(grid).first().getByRole("link").first().click();
  await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
  await page.goBack();
  await expectRows(grid);
});
