import { expect, test, type Page } from "@playwright/test";
import type { DeviceListResponse } from "../server/contract/devices";
import {
  componentSeed,
  DISK_CLEANUP,
  rolledOutcome,
} from "../server/datto/simulator/components-catalog";
import { runDuration } from "../server/datto/simulator/jobs";
import { createProposal } from "./support/proposals";
import { signIn } from "./support/session";

/**
 * The second visit to the screens where people act: a job run left and come back to (Back, the
 * nav, a reload mid-run), the launcher after Back, a proposal decided in one tab while another
 * shows the same queue, the audit log's filter after Back and a reload, the alert queue's
 * selection when the filter changes. Each step asserts what the person sees.
 */
test.use({ bypassCSP: true });

/** A link of the main nav by its label (Approvals may carry a pending count left by other specs). */
const nav = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: new RegExp(`^${name}(\\s+\\d+ pending)?$`) });

/** When a Disk Cleanup on the device ends after the PUT (ms): pick-up plus duration. */
const endsAfter = (deviceUid: string) =>
  3_000 +
  (componentSeed(DISK_CLEANUP.uid, deviceUid) % 25) * 1000 +
  runDuration(DISK_CLEANUP.uid, deviceUid);

test("a job run: Back, the nav and a reload mid-run keep its status and output; the launcher after Back", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  const res = await page.request.get("/api/devices?status=online&os=windows&limit=500");
  const { rows } = (await res.json()) as DeviceListResponse;
  // A successful run that lasts long enough to be left and reloaded while it runs, and ends soon.
  const device = rows
    .filter((d) => d.siteName !== "Deleted Devices" && d.deviceClass === "device")
    .filter((d) => rolledOutcome(DISK_CLEANUP.uid, d.uid) === "Success")
    .filter((d) => endsAfter(d.uid) >= 26_000)
    .sort((a, b) => endsAfter(a.uid) - endsAfter(b.uid))[0]!;
  expect(device).toBeTruthy();

  await page.goto(`/jobs/new?device=${device.uid}`);
  await page.getByRole("searchbox", { name: "Search components" }).fill("cleanup");
  await page.getByRole("button", { name: /^Disk Cleanup - Temp Files/ }).click();
  await page.getByLabel("days").fill("3");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Run on 1 device" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+$/);
  const runUrl = page.url();
  const row = page.getByTestId(`target-${device.uid}`);
  const live = /Pending|Sending|Queued|Running/;
  await expect(row).toContainText(live);

  // Back to the launcher: the component and its variables are still there, but it must be
  // previewed again before another run (no second run from a stale screen).
  await page.goBack();
  await expect(page.getByRole("button", { name: /^Disk Cleanup - Temp Files/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("days")).toHaveValue("3");
  await expect(page.getByRole("button", { name: "Run on 1 device" })).toBeDisabled();
  await page.goForward();
  await expect(row).toContainText(live);

  // The device, then Back: the run's status is shown at once, not a blank table.
  await row.getByRole("link", { name: device.hostname }).click();
  await expect(page.getByRole("tablist", { name: "Device audit" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("progressbar", { name: "Targets finished" })).toBeVisible();
  await expect(row).toContainText(live);

  // Devices, then Jobs in the nav and the run from the list.
  await nav(page, "Devices").click();
  await expect(page.getByRole("grid", { name: "Devices" })).toBeVisible();
  await nav(page, "Jobs").click();
  // The list links each run by its start time; the newest run is on top.
  await page
    .getByRole("row")
    .filter({ hasText: "Disk Cleanup - Temp Files" })
    .first()
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(runUrl);
  await expect(row).toContainText(live);

  // A reload while it runs, then again once it has finished: status and output come back.
  await page.reload();
  await expect(row).toContainText(live);
  await expect(row).toContainText("Success", { timeout: 45_000 });
  const output = row.locator("pre").first();
  await expect(output).not.toBeEmpty();
  const text = await output.textContent();
  await page.reload();
  await expect(row).toContainText("Success");
  await expect(row.locator("pre").first()).toHaveText(text ?? "");
  await expect(page.getByRole("progressbar", { name: "Targets finished" })).toHaveAttribute(
    "aria-valuenow",
    "1",
  );
});

test("a proposal approved in one tab: the other tab updates, a stale tab cannot approve it again", async ({
  page,
  request,
}) => {
  const proposalId = await createProposal(request, "Name resolution fails after the VPN change.");
  await signIn(page, "approver");
  const other = await page.context().newPage();
  const stale = await page.context().newPage();
  // The stale tab hears no live hints (a proxy that buffers the stream): it still shows the card.
  await stale.route("**/api/live", (route) => route.abort());
  const card = (p: Page) => p.locator(`article[data-proposal-id="${proposalId}"]`);
  const decided = (p: Page) => p.locator(`tr[data-proposal-id="${proposalId}"]`);
  for (const p of [page, other, stale]) {
    await p.goto("/approvals");
    await expect(card(p)).toBeVisible();
  }

  await card(page)
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(page.getByText(/: succeeded\./)).toBeVisible();
  await expect(card(page)).toHaveCount(0);
  await expect(decided(page)).toContainText("succeeded");

  await expect(card(other)).toHaveCount(0);
  await expect(decided(other)).toContainText("succeeded");

  await expect(card(stale)).toBeVisible();
  await card(stale)
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(stale.getByRole("alert").or(stale.getByRole("status")).first()).toContainText(
    /already|no longer|decided/i,
  );
  await expect(card(stale)).toHaveCount(0);
  await expect(decided(stale)).toContainText("succeeded");
  await expect(decided(stale)).toContainText("approver");

  // Away and back: the decided proposal is shown as decided, not offered again.
  await nav(page, "Jobs").click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await page.goBack();
  await expect(decided(page)).toContainText("succeeded");
  await expect(card(page)).toHaveCount(0);
  await nav(page, "Sites").click();
  await nav(page, "Approvals").click();
  await expect(decided(page)).toContainText("succeeded");
  await expect(card(page)).toHaveCount(0);
});

test("the audit log keeps its filter after another page and Back, and in the URL over a reload", async ({
  page,
}) => {
  await signIn(page, "admin");
  await nav(page, "Audit").click();
  const kinds = page.getByRole("table").locator("tbody tr td:nth-child(4)");
  await expect(kinds.first()).toBeVisible();
  await page.getByLabel("What").selectOption("auth");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]kind=auth/);
  await expect
    .poll(async () => (await kinds.allTextContents()).every((k) => k.startsWith("auth")))
    .toBe(true);
  const shown = await kinds.count();
  expect(shown).toBeGreaterThan(0);

  await nav(page, "Sites").click();
  await expect(page.getByRole("grid", { name: "Sites" })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel("What")).toHaveValue("auth");
  await expect(kinds).toHaveCount(shown);
  expect((await kinds.allTextContents()).every((k) => k.startsWith("auth"))).toBe(true);

  await page.reload();
  await expect(page).toHaveURL(/[?&]kind=auth/);
  await expect(page.getByLabel("What")).toHaveValue("auth");
  await expect(kinds.first()).toBeVisible();
  expect((await kinds.allTextContents()).every((k) => k.startsWith("auth"))).toBe(true);
});

test("the alert queue: a selection, then a new filter starts a clean selection", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/alerts");
  const rows = page
    .getByRole("grid", { name: "Open alerts" })
    .locator('[role="row"][data-row-index]');
  await expect(rows.first()).toBeVisible();
  await page
    .getByRole("checkbox", { name: /^Select alert/ })
    .nth(0)
    .check();
  await page
    .getByRole("checkbox", { name: /^Select alert/ })
    .nth(1)
    .check();
  const selection = page.getByRole("region", { name: "Selection" });
  await expect(selection.getByText("2 selected")).toBeVisible();

  await page.getByRole("button", { name: /^High \d+$/ }).click();
  await expect(rows.first()).toContainText(/^High/);
  // Nothing acts on alerts the person can no longer see.
  await expect(selection).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /^Select alert/, checked: true })).toHaveCount(0);
  await page.goBack();
  await expect(page).not.toHaveURL(/priority=High/);
  await expect(selection).toHaveCount(0);
});

test("the wall shows every panel whole at 1920x1080 and 1440x900: nothing clipped", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/walls");
  await page.getByLabel("Wall name").fill("NOC fit");
  await page.getByLabel("Layout").selectOption("all");
  await page.getByRole("button", { name: "Create wall link" }).click();
  const link = page.getByRole("textbox", { name: "Wall link" });
  await expect(link).toHaveValue(/\/wall#token=/);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await wall.goto(await link.inputValue());
  await expect(wall.getByText("failed in the last 24 h")).toBeVisible();
  // A panel cuts what does not fit (a wall never scrolls): what is cut is not seen.
  const clipped = () =>
    wall.evaluate(() =>
      [...document.querySelectorAll("section[aria-labelledby^='wall-']")]
        .filter((panel) => {
          const body = panel.lastElementChild as HTMLElement;
          return body.scrollHeight > body.clientHeight + 1;
        })
        .map((panel) => panel.querySelector("h2")?.textContent),
    );
  expect(await clipped()).toEqual([]);
  await wall.setViewportSize({ width: 1440, height: 900 });
  expect(await clipped()).toEqual([]);
  await context.close();
});
