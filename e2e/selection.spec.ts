import { expect, test, type Page } from "@playwright/test";
import { DeviceTablePage } from "./pages/device-table";
import { signIn } from "./support/session";

/**
 * Selection is safe: "select all" means every matching device, a filter never hides what an
 * action acts on, and a reload starts from a clean selection.
 */
test.use({ bypassCSP: true });

const bar = (page: Page) => page.getByRole("region", { name: "Selected devices" });

/** Hostnames in the CSV behind an export link, fetched with the page's session. */
async function exportedHostnames(page: Page, name: RegExp): Promise<string[]> {
  const href = await bar(page).getByRole("link", { name }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split(/\r?\n/);
  return lines.slice(1).map((line) => /^"((?:[^"]|"")*)"/.exec(line)![1]!);
}

test("select all matching, then filter: the bar says what is hidden, export writes what is shown", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/devices");
  const table = new DeviceTablePage(page);
  await table.waitForRows();
  const total = Number(
    /^(\d+) devices/.exec((await page.getByText(/^\d+ devices/).textContent())!)![1],
  );

  await page.getByRole("checkbox", { name: `Select all ${total} matching devices` }).click();
  await expect(bar(page)).toContainText(`${total} selected`);
  expect(await exportedHostnames(page, /^Export \d+ selected/)).toHaveLength(total);

  // Narrow to one customer's workstations: a few of the selected devices stay in view.
  const [first] = await table.hostnames();
  const prefix = first!.split("-")[0]!.toLowerCase();
  await table.typeSearch(`host:${prefix}-ws-`);
  await expect(bar(page)).toContainText(/hidden by the current filter/);
  await expect
    .poll(async () =>
      (await table.hostnames()).every((h) => h.toLowerCase().startsWith(`${prefix}-ws-`)),
    )
    .toBe(true);
  const shownCount = Number(
    /^(\d+) devices?/.exec((await page.getByText(/^\d+ devices?/).textContent())!)![1],
  );
  await expect(bar(page)).toContainText(
    `${total} selected (${total - shownCount} hidden by the current filter)`,
  );
  const exported = await exportedHostnames(page, new RegExp(`^Export ${shownCount} selected`));
  expect(exported).toHaveLength(shownCount);
  expect(exported.every((h) => h.toLowerCase().startsWith(`${prefix}-ws-`))).toBe(true);

  // A reload keeps the view (it is the URL) but not the selection (it was never shown there).
  await page.reload();
  await table.waitForRows();
  await expect(table.search).toHaveValue(`host:${prefix}-ws-`);
  await expect(bar(page)).toHaveCount(0);
});

test("a reload mid-crawl picks the software search up where the server is", async ({ page }) => {
  await signIn(page);
  await page.goto("/software?name=Microsoft");
  const status = page.getByRole("status").filter({ hasText: /software audits|Searched/ });
  await expect(status).toBeVisible();
  await page.reload();
  await expect(status).toBeVisible();
  const grid = page.getByRole("grid", { name: "Devices with this software" });
  await expect(grid.locator('[role="row"][data-row-index]').first()).toContainText("Microsoft", {
    timeout: 20_000,
  });
});
