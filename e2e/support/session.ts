import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

/** Signs in through the real login form and waits for the shell to greet the user. */
export async function signIn(page: Page, username = "technician", password = "demo") {
  await submitLogin(page, username, password);
  await expect(page.getByRole("button", { name: `Account: ${username}` })).toBeVisible();
}

/** Fills and submits the login form without waiting for the outcome (for failure cases). */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Serious and critical axe-core violations, as readable lines. `scope` "main" checks a screen's own
 * content (the shell's header is checked once by auth.spec.ts). The CSP allows no inline scripts:
 * specs that call this use `test.use({ bypassCSP: true })` to inject axe.
 */
export async function seriousViolations(page: Page, scope: "main" | "page" = "main") {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(
    (include) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        include ? { include: [[include]] } : document,
        {
          resultTypes: ["violations"],
        },
      ),
    scope === "main" ? "main" : null,
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
