import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page, type Response } from "playwright-core";
import { CHROMIUM_ARGS } from "../scripts/ensure-chromium";
import { median } from "./table";

/**
 * Browser-side measures of the device browser against an already running server whose demo tenant
 * holds ~50,000 devices: first rows, filter and sort latency, DOM row count while scrolling, and
 * the initial JS size. Timings are taken inside the page (performance.now), so Playwright's own
 * round trips do not count.
 */
export type BrowserBenchRow = { name: string; value: number; unit: string; note?: string };
export type BrowserBenchOptions = { baseUrl: string; username: string; password: string };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GRID = '[role="grid"][aria-label="Devices"]';
const DATA_ROW = `${GRID} [role="row"][data-row-index]`;
const TIMEOUT_MS = 10_000;

async function signIn(page: Page, opts: BrowserBenchOptions) {
  await page.goto(`${opts.baseUrl}/login`);
  await page.getByLabel("Username").fill(opts.username);
  await page.getByLabel("Password").fill(opts.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: TIMEOUT_MS });
}

/** ms from navigation start until the first real (non-skeleton) device row is in the DOM. */
async function firstRowsMs(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/devices`);
  await page.waitForSelector(DATA_ROW, { timeout: TIMEOUT_MS });
  return page.evaluate(() => performance.now());
}

/**
 * In-page code is plain JS text: tsx compiles this file with helpers (__name) that do not exist
 * inside the page, so functions cannot be passed to page.evaluate directly.
 *
 * ARM_WATCH arms a watcher: from the next `event` until the visible rows (and the count line)
 * differ from now. window.__bench resolves with the elapsed ms, or -1 when nothing changed.
 */
const ARM_WATCH = `(({ grid, event, timeout }) => {
  const signature = () => {
    const rows = [...document.querySelectorAll(grid + ' [role="row"][data-row-index]')].slice(0, 8);
    const line = document.querySelector("main p")?.textContent ?? "";
    return line + "|" + rows.map((r) => r.textContent).join("|");
  };
  window.__bench = new Promise((resolve) => {
    const before = signature();
    let start = -1;
    let timer = 0;
    const observer = new MutationObserver(() => {
      const hasSkeleton = document.querySelector(grid + " [data-skeleton-row]") !== null;
      if (start >= 0 && !hasSkeleton && signature() !== before) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - start);
      }
    });
    document.addEventListener(event, () => { start = performance.now(); }, { capture: true, once: true });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, timeout);
  });
})`;

async function timeUntilRowsChange(page: Page, event: "input" | "click", act: () => Promise<void>) {
  const args = JSON.stringify({ grid: GRID, event, timeout: TIMEOUT_MS });
  await page.evaluate(`${ARM_WATCH}(${args})`);
  await act();
  return (await page.evaluate("window.__bench")) as number;
}

/**
 * ARM_TYPING: while a word is typed, remember the last input event and the last time the rows
 * changed; window.__typing() answers the ms from the last keystroke to the last row update.
 */
const ARM_TYPING = `(({ grid }) => {
  const signature = () => {
    const rows = [...document.querySelectorAll(grid + ' [role="row"][data-row-index]')].slice(0, 8);
    const line = document.querySelector("main p")?.textContent ?? "";
    return line + "|" + rows.map((r) => r.textContent).join("|");
  };
  let lastInput = -1;
  let lastChange = -1;
  let seen = signature();
  const onInput = () => { lastInput = performance.now(); };
  document.addEventListener("input", onInput, { capture: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector(grid + " [data-skeleton-row]") !== null) return;
    const now = signature();
    if (now !== seen) { seen = now; lastChange = performance.now(); }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__typing = () => {
    observer.disconnect();
    document.removeEventListener("input", onInput, { capture: true });
    return lastChange > lastInput && lastInput >= 0 ? lastChange - lastInput : -1;
  };
})`;

async function typingMs(page: Page, terms: string[]): Promise<number[]> {
  const search = page.getByRole("searchbox", { name: "Search devices" });
  const times: number[] = [];
  for (const term of terms) {
    await search.fill("");
    await settle(page);
    await page.evaluate(`${ARM_TYPING}(${JSON.stringify({ grid: GRID })})`);
    // About 12 characters a second: fast enough that the debounce groups keystrokes.
    await search.pressSequentially(term, { delay: 80 });
    await page.waitForTimeout(1_000);
    const ms = (await page.evaluate("window.__typing()")) as number;
    if (ms >= 0) times.push(ms);
  }
  await search.fill("");
  await settle(page);
  return times;
}

async function settle(page: Page) {
  await page.waitForSelector(DATA_ROW, { timeout: TIMEOUT_MS });
  await page.waitForTimeout(300);
}

async function filterMs(page: Page, terms: string[]): Promise<number[]> {
  const search = page.getByRole("searchbox", { name: "Search devices" });
  const times: number[] = [];
  for (const term of terms) {
    await search.fill("");
    await settle(page);
    const ms = await timeUntilRowsChange(page, "input", () => search.fill(term));
    if (ms >= 0) times.push(ms);
  }
  await search.fill("");
  await settle(page);
  return times;
}

async function sortMs(page: Page, headers: string[], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const name = headers[i % headers.length]!;
    const button = page.locator(`${GRID} [role="columnheader"] button`, { hasText: name });
    const ms = await timeUntilRowsChange(page, "click", () => button.click());
    if (ms >= 0) times.push(ms);
    await settle(page);
  }
  return times;
}

/** Scrolls the grid in steps and to far places; the most row elements seen at once. */
const SCROLL_AND_COUNT = `(async (grid) => {
  const el = document.querySelector(grid);
  const count = () => el.querySelectorAll('[role="row"]').length;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
  let max = count();
  for (let top = 0; top < 20000; top += 900) {
    el.scrollTop = top;
    await frame();
    max = Math.max(max, count());
  }
  for (const f of [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
    el.scrollTop = f * el.scrollHeight;
    await frame();
    await frame();
    max = Math.max(max, count());
  }
  return max;
})`;

async function maxRowsWhileScrolling(page: Page): Promise<number> {
  return (await page.evaluate(`${SCROLL_AND_COUNT}(${JSON.stringify(GRID)})`)) as number;
}

/** gzip size of the JS index.html loads up front (entry module + modulepreloads). */
function initialJsGzipBytes(): { bytes: number; files: number } {
  const dist = path.join(repoRoot, "dist");
  const index = path.join(dist, "index.html");
  // No build, no number: the row says so instead of failing the whole bench.
  if (!existsSync(index)) return { bytes: Number.NaN, files: 0 };
  const html = readFileSync(index, "utf8");
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const unique = [...new Set(srcs)];
  const bytes = unique.reduce(
    (sum, src) => sum + gzipSync(readFileSync(path.join(dist, src))).length,
    0,
  );
  return { bytes, files: unique.length };
}

export async function benchBrowser(opts: BrowserBenchOptions): Promise<BrowserBenchRow[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // The JS the browser really fetched for the login page and the shell, gzipped as served.
    const loginJs = new Map<string, Promise<number>>();
    const onResponse = (r: Response) => {
      if (r.request().resourceType() !== "script" || loginJs.has(r.url())) return;
      loginJs.set(
        r.url(),
        r.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    };
    page.on("response", onResponse);
    await signIn(page, opts);
    page.off("response", onResponse);
    const loadedBytes = (await Promise.all(loginJs.values())).reduce((a, b) => a + b, 0);

    await firstRowsMs(page, opts.baseUrl); // warm the server and the HTTP cache
    const first: number[] = [];
    for (let i = 0; i < 5; i += 1) first.push(await firstRowsMs(page, opts.baseUrl));

    const hostnames = await page.$$eval(DATA_ROW, (rows) =>
      rows
        .map((r) => r.querySelector('[role="gridcell"]:nth-child(2)')?.textContent ?? "")
        .filter(Boolean),
    );
    const terms = hostnames.slice(0, 10).map((h, i) => h.slice(0, 3 + (i % 4)));
    const filters = await filterMs(page, terms);
    const typing = await typingMs(page, terms);
    const sorts = await sortMs(page, ["Last seen", "Site", "Last user", "Hostname"], 10);
    const maxRows = await maxRowsWhileScrolling(page);
    const js = initialJsGzipBytes();

    return [
      {
        name: "devices: first rows after navigation (median of 5)",
        value: median(first),
        unit: "ms",
        note: "target < 1500",
      },
      {
        name: "devices: filter keystroke to rows updated (median)",
        value: median(filters),
        unit: "ms",
        note: `n=${filters.length}, target < 200`,
      },
      {
        name: "devices: typing a word, last keystroke to rows updated (median)",
        value: median(typing),
        unit: "ms",
        note: `n=${typing.length}, includes the trailing debounce`,
      },
      {
        name: "devices: sort click to rows updated (median)",
        value: median(sorts),
        unit: "ms",
        note: `n=${sorts.length}, target < 250`,
      },
      {
        name: "devices: max row elements in DOM while scrolling",
        value: maxRows,
        unit: "rows",
        note: "target <= 100",
      },
      {
        name: "initial JS (index.html entry + modulepreloads), gzip",
        value: Math.round(js.bytes / 1024),
        unit: "KB",
        note: `${js.files} files, target < 200`,
      },
      {
        name: "JS loaded by login page + shell, gzip",
        value: Math.round(loadedBytes / 1024),
        unit: "KB",
        note: `${loginJs.size} files`,
      },
    ];
  } finally {
    await browser.close();
  }
}
