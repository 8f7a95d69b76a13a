import { expect, test } from "@playwright/test";
import { seriousViolations, signIn } from "./support/session";

/** Fleet software search against the real server in demo mode: crawl progress, then answers. */
test.use({ bypassCSP: true });

test("which devices have Chrome, and which versions", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Software" }).click();
  await page.getByLabel("Which devices have installed…").fill("Chrome");
  await page.getByRole("button", { name: "Search" }).click();

  // The demo tenant's 400 software audits are read within the shared budget, with progress shown.
  const grid = page.getByRole("grid", { name: "Devices with this software" });
  await expect(grid.locator('[role="row"][data-row-index]').first()).toContainText(
    "Google Chrome",
    { timeout: 20_000 },
  );
  await expect(page.getByRole("region", { name: "Versions" })).toContainText(/\d/);
  expect(await seriousViolations(page)).toEqual([]);
});
