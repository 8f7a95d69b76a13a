import { expect, test, type Page } from "@playwright/test";
import { horizontalOverflow, shoot, WIDTHS } from "./support/screens";
import { signIn } from "./support/session";

/**
 * Every screen at 1440, 1920 and 390 px: nothing wider than the window (tables scroll inside
 * themselves), each tab named after its screen, and a screenshot per screen and width in
 * test-results/screens/ for a person to look at.
 */
test.use({ bypassCSP: true });

const firstRow = (page: Page, grid: string) =>
  page.getByRole("grid", { name: grid }).locator('[role="row"][data-row-index]').first();

const SCREENS: Array<{
  name: string;
  open: (page: Page) => Promise<void>;
  title: RegExp;
}> = [
  {
    name: "sites",
    open: async (page) => {
      await page.goto("/sites");
      await expect(firstRow(page, "Sites")).toBeVisible();
    },
    title: /^Sites · RMM Deck$/,
  },
  {
    name: "site",
    open: async (page) => {
      await page.goto("/sites");
      await firstRow(page, "Sites").getByRole("link").click();
      await expect(firstRow(page, "Devices of this site")).toBeVisible();
    },
    title: /^.+ · Sites · RMM Deck$/,
  },
  {
    name: "devices",
    open: async (page) => {
      await page.goto("/devices");
      await expect(firstRow(page, "Devices")).toBeVisible();
    },
    title: /^Devices · RMM Deck$/,
  },
  {
    name: "device",
    open: async (page) => {
      await page.goto("/devices");
      await firstRow(page, "Devices").getByRole("link").first().click();
      await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
      await expect(page.getByRole("tabpanel")).not.toContainText("Loading");
    },
    title: /^.+ · Devices · RMM Deck$/,
  },
  {
    name: "software",
    open: async (page) => {
      await page.goto("/software?name=Chrome");
      await expect(firstRow(page, "Devices with this software")).toBeVisible({ timeout: 20_000 });
    },
    title: /^"Chrome" · Software · RMM Deck$/,
  },
  {
    name: "alerts",
    open: async (page) => {
      await page.goto("/alerts");
      await expect(firstRow(page, "Open alerts")).toBeVisible();
    },
    title: /^Alerts · RMM Deck$/,
  },
  {
    name: "alert-detail",
    open: async (page) => {
      await page.goto("/alerts");
      await firstRow(page, "Open alerts").getByRole("button").click();
      await expect(page.getByRole("heading", { name: "Diagnostics" })).toBeVisible();
    },
    title: /^Alerts · RMM Deck$/,
  },
  {
    name: "users",
    open: async (page) => {
      await page.goto("/admin/users");
      await expect(page.getByRole("table", { name: /Users who can sign in/ })).toBeVisible();
    },
    title: /^Users · RMM Deck$/,
  },
];

for (const size of WIDTHS) {
  test(`every screen fits ${size.width} px and names its tab`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signIn(page, "admin");
    for (const screen of SCREENS) {
      await screen.open(page);
      await expect(page).toHaveTitle(screen.title);
      expect(await horizontalOverflow(page), `${screen.name} at ${size.width} px`).toBe(0);
      await shoot(page, `${screen.name}-${size.name}`);
    }
  });
}

test("the columns that drive action are on screen at 1440 px", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.goto("/devices");
  await expect(firstRow(page, "Devices")).toBeVisible();
  for (const name of ["Status", "Alerts", "Patches", "Antivirus"]) {
    const header = page.getByRole("columnheader", { name: new RegExp(`^${name}`) });
    const box = await header.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(1440);
  }
});

test("at 390 px the header fits and Datto's state and the account menu work", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto("/sites");
  await expect(firstRow(page, "Sites")).toBeVisible();
  const header = page.getByRole("banner");
  const box = await header.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await header.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  expect(await horizontalOverflow(page)).toBe(0);

  const health = page.getByRole("button", { name: /^Datto status:/ });
  const account = page.getByRole("button", { name: "Account: technician" });
  for (const control of [health, account]) {
    const at = await control.boundingBox();
    expect(at!.x).toBeGreaterThanOrEqual(0);
    expect(at!.x + at!.width).toBeLessThanOrEqual(390);
  }
  await health.click();
  await expect(page.getByRole("dialog", { name: "Datto RMM connection" })).toBeInViewport();
  await page.keyboard.press("Escape");
  await account.click();
  await expect(page.getByRole("menu", { name: "Account: technician" })).toBeInViewport();
  // The open menu covers part of the (now longer, scrolling) nav at this width: close it first.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Account: technician" })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Devices" })
    .click();
  await expect(page).toHaveTitle("Devices · RMM Deck");
});
