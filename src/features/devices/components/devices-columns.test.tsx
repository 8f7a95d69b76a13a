import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fixedViewport,
  setVirtualizerOverrides,
} from "@/components/data-table/virtualizer-options";
import { getTestApp } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 1200, height: 600 })));
afterEach(() => setVirtualizerOverrides({}));

function grid() {
  return screen.getByRole("grid", { name: "Devices" });
}

async function waitForRows() {
  await waitFor(
    () => expect(grid().querySelectorAll('[role="row"][data-row-index]').length).toBeGreaterThan(0),
    { timeout: 10_000 },
  );
}

async function openPicker(user: Awaited<ReturnType<typeof renderApp>>["user"]) {
  await user.click(screen.getByRole("button", { name: "Columns" }));
  return screen.getByRole("dialog", { name: "Choose columns" });
}

const boxNames = (picker: HTMLElement) =>
  within(picker)
    .getAllByRole("checkbox")
    .map((box) => box.closest("label")?.textContent ?? "");

describe("DevicesPage columns", () => {
  it("keeps every box in place while ticking, and adds the column at the table's end", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "viewer" });
    await waitForRows();
    const picker = await openPicker(user);
    const before = boxNames(picker);
    await user.click(within(picker).getByRole("checkbox", { name: "Class" }));
    await waitFor(() => expect(currentPath(router)).toMatch(/cols=[^&]*deviceClass$/));
    expect(boxNames(picker)).toEqual(before);
    const headers = within(grid()).getAllByRole("columnheader");
    expect(headers[headers.length - 1]).toHaveTextContent("Class");
  });

  it("offers first the UDFs that hold data, with how many devices, and refuses a bad number", async () => {
    const { services } = await getTestApp();
    const withUdf5 = services.fleet.snapshot().devices.filter((d) => d.udf.udf5).length;
    const { user, router } = await renderApp("/devices", { signedInAs: "technician" });
    await waitForRows();
    const picker = await openPicker(user);
    const udfs = within(picker).getByRole("group", { name: "User-defined fields" });
    const udf5 = within(udfs).getByRole("checkbox", { name: /^UDF 5\b/ });
    expect(udf5.closest("label")).toHaveTextContent(`${withUdf5} devices`);
    expect(within(picker).queryByLabelText("UDF name")).not.toBeInTheDocument();

    const number = within(picker).getByLabelText(/Show another UDF/);
    await user.type(number, "301");
    await user.click(within(picker).getByRole("button", { name: "Add" }));
    expect(number).toHaveAccessibleDescription("Enter a UDF number from 1 to 300.");
    expect(currentPath(router)).not.toContain("udf301");

    await user.clear(number);
    await user.type(number, "12");
    await user.click(within(picker).getByRole("button", { name: "Add" }));
    await waitFor(() => expect(currentPath(router)).toContain("udf12"));
    expect(within(grid()).getByRole("columnheader", { name: /UDF 12/ })).toBeInTheDocument();
    expect(within(udfs).getByRole("checkbox", { name: /^UDF 12 no data/ })).toBeChecked();
  });

  it("lets an admin name a UDF; the name shows in the picker and the column", async () => {
    const { user, router } = await renderApp("/devices", { signedInAs: "admin" });
    await waitForRows();
    const picker = await openPicker(user);
    await user.type(within(picker).getByLabelText("UDF number"), "5");
    await user.type(within(picker).getByLabelText("UDF name"), "Asset tag");
    await user.click(within(picker).getByRole("button", { name: "Save" }));
    const labelled = await within(picker).findByRole("checkbox", { name: /^Asset tag \(UDF 5\)/ });
    expect(labelled).not.toBeChecked();

    await user.click(labelled);
    await waitFor(() => expect(currentPath(router)).toContain("udf5"));
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
