import { expect, test } from "@playwright/test";
import { seriousViolations, submitLogin } from "./support/session";

/**
 * Sign-in, role-based navigation and sign-out against the real server in demo mode, plus an
 * accessibility check (axe-core) of the login page and the shell.
 */
const DEMO_USERS = [
  { username: "admin", seesUsers: true },
  { username: "approver", seesUsers: false },
  { username: "technician", seesUsers: false },
  { username: "viewer", seesUsers: false },
] as const;

test.use({ bypassCSP: true });

for (const { username, seesUsers } of DEMO_USERS) {
  test(`${username} signs in, sees the right navigation and signs out`, async ({ page }) => {
    await submitLogin(page, username, "demo");
    const account = page.getByRole("button", { name: `Account: ${username}` });
    await expect(account).toBeVisible();
    // The tab names the screen now, not "Sign in".
    await expect(page).toHaveTitle("Sites · RMM Deck");
    await expect(page.getByText("Demo mode: simulated tenant")).toBeAttached();
    const usersLink = page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Users" });
    if (seesUsers) {
      await usersLink.click();
      await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    } else {
      await expect(usersLink).toHaveCount(0);
    }

    await account.click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  });
}

test("a wrong password shows the server's message", async ({ page }) => {
  await submitLogin(page, "viewer", "not-the-password");
  await expect(page.getByRole("alert")).toContainText("Wrong username or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo accounts fill the form with one click", async ({ page }) => {
  await page.goto("/login");
  await page
    .getByRole("region", { name: "Demo accounts" })
    .getByRole("button", { name: "technician" })
    .click();
  await expect(page.getByLabel("Username")).toHaveValue("technician");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account: technician" })).toBeVisible();
});

test("the login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page, "page")).toEqual([]);
});

test("the shell has no serious accessibility violations, in light and dark", async ({ page }) => {
  await submitLogin(page, "admin", "demo");
  await expect(page.getByRole("button", { name: "Account: admin" })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("table", { name: /Users who can sign in/ })).toBeVisible();
  expect(await seriousViolations(page, "page")).toEqual([]);

  await page.getByRole("button", { name: "Account: admin" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /Datto status/ }).click();
  expect(await seriousViolations(page, "page")).toEqual([]);
});
