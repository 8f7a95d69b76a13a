import { expect, test } from "@playwright/test";
import { seriousViolations, signIn } from "./support/session";

test.use({ bypassCSP: true });

test("sites rank by attention, say why, and open a site with its devices", async ({ page }) => {
  await signIn(page);
  await page.goto("/sites");
  const grid = page.getByRole("grid", { name: "Sites" });
  const firstRow = grid.locator('[role="row"][data-row-index]').first();
  await expect(firstRow).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /Attention/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  expect(await seriousViolations(page)).toEqual([]);

  const siteName = (await firstRow.getByRole("link").textContent()) ?? "";
  await firstRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: siteName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Attention score" })).toBeVisible();
  const devices = page.getByRole("grid", { name: "Devices of this site" });
  await expect(devices.locator('[role="row"][data-row-index]').first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Open alerts/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
