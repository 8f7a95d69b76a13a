import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1000, height: 600 })));
afterEach(() => setVirtualizerOverrides({}));

describe("SoftwareSearchPage", () => {
  it("shows the crawl's progress, then which devices have the software and in which versions", async () => {
    const { user, router } = await renderApp("/software", { signedInAs: "viewer" });
    await user.type(await screen.findByLabelText("Which devices have installed…"), "Chrome");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(currentPath(router)).toBe("/software?name=Chrome"));

    // The first answer comes before every audit is read: a progress line with a bar.
    expect(
      await screen.findByText(/Reading software audits: \d+ of \d+ devices/),
    ).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Software audits read" })).toBeInTheDocument();

    const done = await screen.findByText(
      /Searched \d+ devices: \d+ have "Chrome"/,
      {},
      { timeout: 15_000 },
    );
    expect(done).toBeInTheDocument();
    const grid = screen.getByRole("grid", { name: "Devices with this software" });
    const rows = grid.querySelectorAll('[role="row"][data-row-index]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveTextContent(/Chrome/);
    const versions = screen.getByRole("region", { name: "Versions" });
    expect(within(versions).getAllByRole("listitem").length).toBeGreaterThan(0);
  });

  it("refuses a one-letter search with a message", async () => {
    const { user } = await renderApp("/software", { signedInAs: "viewer" });
    await user.type(await screen.findByLabelText("Which devices have installed…"), "C");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("at least 2 characters");
  });
});
