import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1200, height: 600 })));
afterEach(() => setVirtualizerOverrides({}));

function grid() {
  return screen.getByRole("grid", { name: "Devices" });
}

async function waitForRows() {
  await waitFor(
    () => expect(grid().querySelectorAll('[role="row"][data-row-index]').length).toBeGreaterThan(0),
    {
      timeout: 10_000,
    },
  );
}

describe("DevicesPage columns", () => {
  it("lets an admin name a UDF and show it as a column, kept in the URL", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "admin" });
    await waitForRows();
    await user.click(screen.getByRole("button", { name: "Columns" }));
    const picker = screen.getByRole("dialog", { name: "Choose columns" });
    await user.type(within(picker).getByLabelText("UDF number"), "5");
    await user.type(within(picker).getByLabelText("UDF name"), "Asset tag");
    await user.click(within(picker).getByRole("button", { name: "Save" }));
    const labelled = await within(picker).findByRole("checkbox", { name: "Asset tag (UDF 5)" });
    expect(labelled).not.toBeChecked();

    await user.click(labelled);
    await waitFor(() => expect(currentPath(router)).toContain("cols="));
    expect(currentPath(router)).toContain("udf5");
    expect(
      within(grid()).getByRole("columnheader", { name: /Asset tag \(UDF 5\)/ }),
    ).toBeInTheDocument();

    await user.click(within(picker).getByRole("checkbox", { name: "Last user" }));
    await waitFor(() =>
      expect(
        within(grid()).queryByRole("columnheader", { name: /Last user/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it("does not offer UDF names to a technician, but any UDF can become a column", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    await user.click(screen.getByRole("button", { name: "Columns" }));
    const picker = screen.getByRole("dialog", { name: "Choose columns" });
    expect(within(picker).queryByLabelText("UDF name")).not.toBeInTheDocument();
    await user.type(within(picker).getByLabelText(/Add UDF column/), "12");
    await user.click(within(picker).getByRole("button", { name: "Add" }));
    await waitFor(() => expect(currentPath(router)).toContain("udf12"));
    expect(within(grid()).getByRole("columnheader", { name: /UDF 12/ })).toBeInTheDocument();
  });

  it("exports the current view (filters and columns) as CSV from the server", async () => {
    await renderApp("/devices?status=offline&cols=online,lastSeen", { signedInAs: "viewer" });
    await waitForRows();
    const link = screen.getByRole("link", { name: "Export CSV" });
    const url = new URL(link.getAttribute("href") ?? "", "http://localhost");
    expect(url.pathname).toBe("/api/devices/export.csv");
    expect(url.searchParams.get("status")).toBe("offline");
    expect(url.searchParams.get("columns")).toBe("hostname,online,lastSeen");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split(/\r?\n/)[0]).toMatch(/host/i);
  });
});
