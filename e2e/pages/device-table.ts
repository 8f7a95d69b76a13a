import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The virtualized device grid: only rows near the viewport exist in the DOM, so "find a row" means
 * filter or scroll, never "query all rows".
 */
export class DeviceTablePage {
  readonly grid: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("grid", { name: "Devices" });
    this.search = page.getByRole("searchbox", { name: "Search devices" });
  }

  /** Rows with data (skeleton rows for not-yet-loaded windows excluded). */
  dataRows(): Locator {
    return this.grid.locator('[role="row"][data-row-index]');
  }

  async waitForRows(): Promise<void> {
    await expect(this.dataRows().first()).toBeVisible();
  }

  async hostnames(): Promise<string[]> {
    return this.dataRows().locator('[role="gridcell"] a[href^="/devices/"]').allTextContents();
  }

  async rowElementCount(): Promise<number> {
    return this.grid.locator('[role="row"]').count();
  }

  async scrollTo(fraction: number): Promise<void> {
    await this.grid.evaluate((el, f) => {
      el.scrollTop = f * el.scrollHeight;
    }, fraction);
  }

  async typeSearch(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** Sorts by a column by clicking its header (cycles ascending, descending, none). */
  async sortBy(header: string): Promise<void> {
    await this.grid.getByRole("columnheader", { name: header }).getByRole("button").click();
  }
}
