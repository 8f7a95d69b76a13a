import type { Page } from "@playwright/test";

/** The widths every screen is checked at: a laptop, a desktop, a phone. */
export const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "1920", width: 1920, height: 1080 },
  { name: "390", width: 390, height: 844 },
] as const;

/** For a person to look at (test-results/ is git-ignored). */
export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}

/** Page-level horizontal overflow in px: content wider than the window (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
