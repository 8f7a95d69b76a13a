import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn } from "./support/session";

test.use({ bypassCSP: true });

const rows = (page: Page) =>
  page.getByRole("grid", { name: "Open alerts" }).locator('[role="row"][data-row-index]');

/** The Critical chip's count, e.g. "Critical 12". */
async function openCount(page: Page): Promise<number> {
  let total = 0;
  for (const p of ["Critical", "High", "Moderate", "Low", "Information", "Unknown"]) {
    const text = await page.getByRole("button", { name: new RegExp(`^${p} \\d+$`) }).textContent();
    total += Number(/(\d+)$/.exec(text ?? "")?.[1] ?? 0);
  }
  return total;
}

test("triage one alert from the queue: open, claim with a note, resolve", async ({ page }) => {
  await signIn(page);
  await page.goto("/alerts");
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Critical \d+$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const before = await openCount(page);

  // The first row is the most urgent; open its detail.
  const first = rows(page).first();
  const summary = (await first.getByRole("button").textContent())!.trim();
  await first.getByRole("button").click();
  const panel = page.getByRole("region", { name: "Alert detail" });
  await expect(panel.getByText(summary).first()).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Diagnostics" })).toBeVisible();
  await expect(panel.getByText(/does not fix the cause/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await panel.getByRole("button", { name: "Claim (c)" }).click();
  const claim = page.getByRole("dialog", { name: "Claim this alert" });
  await claim.getByLabel("Note (optional)").fill("Looking at it now");
  await claim.getByRole("button", { name: "Claim" }).click();
  await expect(panel.getByText("Claimed by")).toBeVisible();
  await expect(panel.getByText("Looking at it now")).toBeVisible();
  await expect(first.getByText("technician")).toBeVisible();

  await panel.getByRole("button", { name: "Resolve… (r)" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve this alert?" });
  await expect(dialog.getByText(/does not fix the cause/)).toBeVisible();
  await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(dialog.getByText("Resolved", { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect.poll(() => openCount(page)).toBe(before - 1);

  // It is in "recently resolved", with who resolved it.
  await page.getByRole("button", { name: "Resolved (24 h)" }).click();
  const resolved = page.getByRole("grid", { name: "Recently resolved alerts" });
  await expect(resolved.getByText("technician (RMM Deck)").first()).toBeVisible();
});

test("bulk-resolve three alerts chosen with the keyboard, with confirmation and progress", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/alerts?sort=age&dir=desc");
  await expect(rows(page).first()).toBeVisible();
  const before = await openCount(page);
  const grid = page.getByRole("grid", { name: "Open alerts" });
  await grid.focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("j");
    await page.keyboard.press("x");
  }
  const selection = page.getByRole("region", { name: "Selection" });
  await expect(selection.getByText("3 selected")).toBeVisible();
  await selection.getByRole("button", { name: "Resolve 3…" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve 3 alerts?" });
  await expect(
    dialog.getByRole("list", { name: "Alerts to resolve" }).getByRole("listitem"),
  ).toHaveCount(3);
  expect(await seriousViolations(page, "page")).toEqual([]);
  await dialog.getByRole("button", { name: "Resolve 3" }).click();
  await expect(dialog.getByText("3 of 3 done.")).toBeVisible();
  await expect(dialog.getByText("Resolved", { exact: true })).toHaveCount(3);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect.poll(() => openCount(page)).toBe(before - 3);
});

test("the queue keeps its filters in the URL and its rows after Back", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/alerts");
  await page.getByRole("button", { name: /^High \d+$/ }).click();
  await expect(page).toHaveURL(/priority=High/);
  // The filtered window replaces the unfiltered one a moment after the URL changes.
  await expect(rows(page).first()).toContainText(/^High/);
  const firstText = await rows(page).first().textContent();
  // A viewer reads but is offered no actions.
  await expect(page.getByRole("checkbox", { name: /^Select alert/ })).toHaveCount(0);
  await expect(page.getByText(/Keys in the list/)).toHaveCount(0);
  await rows(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/devices\//);
  await page.goBack();
  await expect(rows(page).first()).toHaveText(firstText ?? "");
});
