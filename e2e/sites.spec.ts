import { expect, test, type Page } from "@playwright/test";
import axe from "axe-core";

async function signIn(page: Page, username = "technician", password = "demo") {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: `Account: ${username}` })).toBeVisible();
}

/** axe over this screen's content (<main>); the shell's header is checked by auth.spec.ts. */
async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(
      { include: [["main"]] },
      { resultTypes: ["violations"] },
    ),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

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
