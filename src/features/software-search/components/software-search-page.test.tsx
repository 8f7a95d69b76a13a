import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SoftwareSearchResponseSchema } from "@server/contract/software";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { forwardToApp, getTestApp, server } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1000, height: 600 })));
afterEach(() => {
  setVirtualizerOverrides({});
  vi.restoreAllMocks();
});

const grid = () => screen.getByRole("grid", { name: "Devices with this software" });
const rows = () => [...grid().querySelectorAll<HTMLElement>('[role="row"][data-row-index]')];
const cells = (column: number) =>
  rows().map((r) => within(r).getAllByRole("gridcell")[column]!.textContent ?? "");

async function searchDone(name: string) {
  const { services } = await getTestApp();
  services.software.search(name, null);
  await services.software.idle();
  return renderApp(`/software?name=${name}`, { signedInAs: "viewer" });
}

describe("SoftwareSearchPage", () => {
  it("shows the crawl's progress honestly, then which devices have the software", async () => {
    const { user, router } = await renderApp("/software", { signedInAs: "viewer" });
    await user.type(await screen.findByLabelText("Which devices have installed…"), "Chrome");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(currentPath(router)).toBe("/software?name=Chrome"));

    // The first answer comes before every audit is read: a progress line with a bar that is
    // progress, not a warning, and no promise that the budget "frees up within a minute".
    expect(
      await screen.findByText(/Reading software audits: \d+ of \d+ devices/),
    ).toBeInTheDocument();
    const meter = screen.getByRole("meter", { name: "Software audits read" });
    expect(meter.innerHTML).not.toMatch(/bg-red/);
    expect(
      screen.getByText(/read budget everyone on this Datto account shares/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/within a minute/)).not.toBeInTheDocument();
    expect(document.title).toBe('"Chrome" · Software · RMM Deck');

    const done = await screen.findByText(
      /Searched \d+ devices: \d+ have "Chrome"/,
      {},
      { timeout: 15_000 },
    );
    expect(done).toBeInTheDocument();
    expect(rows().length).toBeGreaterThan(0);
    expect(rows()[0]).toHaveTextContent(/Chrome/);
  });

  it("filters by a clicked version and sorts by a column on the server, and exports them all", async () => {
    const { user, router } = await searchDone("Chrome");
    const versions = await screen.findByRole("region", { name: "Versions" });
    const [first, second] = within(versions).getAllByRole("button");
    const version = first!.querySelector(".font-mono")!.textContent!;
    expect(second).toBeDefined();
    const counted = () =>
      Number(/^(\d+) (match|with)/.exec(screen.getByText(/^\d+ (match|with)/).textContent!)![1]);
    const all = counted();
    await user.click(first!);
    await waitFor(() =>
      expect(currentPath(router)).toContain(`version=${encodeURIComponent(version)}`),
    );
    expect(first).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(new Set(cells(3))).toEqual(new Set([version])));
    expect(counted()).toBeLessThan(all);
    expect(screen.getByText(`${counted()} with version ${version}`)).toBeInTheDocument();

    await user.click(within(grid()).getByRole("button", { name: /Device/ }));
    await waitFor(() => expect(currentPath(router)).toContain("sort=hostname&dir=asc"));
    await waitFor(() => {
      const names = cells(0);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    });

    // Away to a device and Back: the version and the order are still applied.
    const shown = cells(0);
    await user.click(within(grid()).getAllByRole("link")[0]!);
    await waitFor(() => expect(currentPath(router)).toMatch(/^\/devices\//));
    await router.navigate(-1);
    // One look at the page after Back: the same rows, in the same order, of the same version.
    await waitFor(() => {
      expect(cells(0)).toEqual(shown);
      expect(new Set(cells(3))).toEqual(new Set([version]));
    });

    // The export is the server's: every match of the view, in its order.
    const link = await screen.findByRole("link", { name: /^Export \d+ as CSV$/ });
    expect(link).toHaveAccessibleName(`Export ${counted()} as CSV`);
    const url = new URL(link.getAttribute("href")!, "http://localhost");
    expect(url.pathname).toBe("/api/software/search/export.csv");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      name: "Chrome",
      version,
      sort: "hostname",
      dir: "asc",
    });
    const csv = await (await fetch(url)).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe('"Device","Site","Software","Version"');
    const exported = lines.slice(1).map((l) => l.split('","')[0]!.slice(1));
    expect(exported).toHaveLength(counted());
    // The table renders the rows in view; the file starts with them.
    expect(exported.slice(0, shown.length)).toEqual(shown);

    await user.click(screen.getByRole("button", { name: "Show every version" }));
    await waitFor(() => expect(counted()).toBe(all));
  });

  it("says Datto is not answering instead of reading forever", async () => {
    const since = Date.now() - 5 * 60_000;
    server.use(
      http.get("*/api/software/search", async ({ request }) => {
        const real = SoftwareSearchResponseSchema.parse(await (await forwardToApp(request)).json());
        return HttpResponse.json({
          ...real,
          progress: { ...real.progress, state: "crawling" },
          estimate: null,
          outage: { since, reason: "Datto is unreachable." },
        });
      }),
    );
    await renderApp("/software?name=Chrome", { signedInAs: "viewer" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Datto is not answering the search");
    expect(alert).toHaveTextContent("Datto is unreachable.");
    expect(alert).toHaveTextContent("carries on by itself");
  });

  it("still searches from a link with a wrong view param, and says it was ignored", async () => {
    await renderApp("/software?name=Chrome&sort=owner&dir=sideways", { signedInAs: "viewer" });
    expect(await screen.findByText(/Reading software audits|Searched/)).toBeInTheDocument();
    expect(screen.getByText("Ignored invalid link parameters: sort, dir.")).toBeInTheDocument();
  });

  it("refuses a one-letter search with a message", async () => {
    const { user } = await renderApp("/software", { signedInAs: "viewer" });
    await user.type(await screen.findByLabelText("Which devices have installed…"), "C");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("at least 2 characters");
  });
});
