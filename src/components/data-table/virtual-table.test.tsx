import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from "@tanstack/react-table";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VirtualTable } from "./virtual-table";
import { fixedViewport, setVirtualizerOverrides } from "./virtualizer-options";

type Item = { id: string; name: string };
const ITEMS: Item[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `id-${i}`,
  name: `host-${i}`,
}));
const COLUMNS: ColumnDef<Item>[] = [{ id: "name", header: "Name", accessorFn: (r) => r.name }];

function Harness(props: { loaded: number; onOpen: (name: string) => void }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const data = ITEMS.slice(0, props.loaded);
  const table = useReactTable({
    data,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
  });
  const rows = table.getRowModel().rows;
  return (
    <VirtualTable
      table={table}
      label="Hosts"
      rowCount={ITEMS.length}
      getRow={(i) => rows[i]}
      onVisibleRangeChange={() => {}}
      onOpenRow={(row) => props.onOpen(row.original.name)}
      onToggleRow={(_i, row) => row.toggleSelected()}
      resetKey="k"
    />
  );
}

describe("VirtualTable", () => {
  beforeEach(() => setVirtualizerOverrides(fixedViewport({ width: 800, height: 360 })));
  afterEach(() => setVirtualizerOverrides({}));

  it("renders a focusable grid that spans every row but keeps few rows in the DOM", () => {
    render(<Harness loaded={100} onOpen={() => {}} />);
    const grid = screen.getByRole("grid", { name: "Hosts" });
    expect(grid).toHaveAttribute("tabindex", "0");
    expect(grid).toHaveAttribute("aria-rowcount", "5001");
    const rows = grid.querySelectorAll('[role="row"][data-row-index]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(within(grid).getByText("host-0")).toBeInTheDocument();
    expect(rows[0]).toHaveAttribute("aria-rowindex", "2");
  });

  it("shows its rows when they are there from the first render (a second visit, Back)", () => {
    const { unmount } = render(<Harness loaded={100} onOpen={() => {}} />);
    expect(screen.getByRole("grid", { name: "Hosts" })).toHaveTextContent("host-0");
    unmount();
    render(<Harness loaded={100} onOpen={() => {}} />);
    const grid = screen.getByRole("grid", { name: "Hosts" });
    expect(within(grid).getByText("host-0")).toBeInTheDocument();
    expect(grid.querySelectorAll('[role="row"][data-row-index]').length).toBeGreaterThan(5);
  });

  it("shows skeleton rows where data is not loaded", () => {
    render(<Harness loaded={3} onOpen={() => {}} />);
    const grid = screen.getByRole("grid", { name: "Hosts" });
    expect(within(grid).getByText("host-2")).toBeInTheDocument();
    expect(grid.querySelectorAll("[data-skeleton-row]").length).toBeGreaterThan(0);
  });

  it("moves with j/k, toggles with x and opens with Enter", async () => {
    const onOpen = vi.fn();
    const user = userEvent.setup();
    render(<Harness loaded={100} onOpen={onOpen} />);
    const grid = screen.getByRole("grid", { name: "Hosts" });
    grid.focus();
    await user.keyboard("jjjk");
    const active = document.getElementById(grid.getAttribute("aria-activedescendant") ?? "");
    expect(active).toHaveTextContent("host-1");
    await user.keyboard("x");
    expect(active).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith("host-1");
  });

  it("shows the whole text of a cut-off cell on hover, and no tooltip on one that fits", async () => {
    const user = userEvent.setup();
    render(<Harness loaded={100} onOpen={() => {}} />);
    const grid = screen.getByRole("grid", { name: "Hosts" });
    const [cut, whole] = within(grid).getAllByRole("gridcell");
    // jsdom has no layout: give the cells the widths a browser would measure.
    for (const [cell, scrollWidth] of [
      [cut!, 400],
      [whole!, 100],
    ] as const) {
      Object.defineProperty(cell, "scrollWidth", { configurable: true, value: scrollWidth });
      Object.defineProperty(cell, "clientWidth", { configurable: true, value: 150 });
    }
    await user.hover(cut!);
    expect(cut).toHaveAttribute("title", "host-0");
    await user.hover(whole!);
    expect(whole).not.toHaveAttribute("title");
  });
});
