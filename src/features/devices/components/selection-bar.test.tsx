import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BASE_DEVICE_COLUMNS } from "@/components/data-table/devices/device-columns";
import { getTestApp } from "@/testing/msw-server";
import { selectedCsv } from "./selection-bar";

/** The cells of one CSV line, quoted or not. */
function cells(line: string): string[] {
  return Array.from(line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g), (m) =>
    m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ""),
  );
}

describe("selectedCsv", () => {
  it("writes the visible columns like the server's export: BOM, yes/no, ISO times", async () => {
    const { services } = await getTestApp();
    const devices = services.fleet.snapshot().devices.slice(0, 3);
    const { result } = renderHook(() =>
      useReactTable({
        data: devices,
        columns: BASE_DEVICE_COLUMNS,
        getCoreRowModel: getCoreRowModel(),
        state: { columnVisibility: {} },
      }),
    );
    const csv = selectedCsv(result.current, devices);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...lines] = csv.slice(1).trimEnd().split("\r\n");
    const names = cells(header!);
    expect(names).not.toContain("Select");
    expect(lines).toHaveLength(devices.length);

    const first = cells(lines[0]!);
    const cell = (name: string) => first[names.indexOf(name)];
    expect(cell("Hostname")).toBe(devices[0]!.hostname);
    expect(cell("Online")).toBe(devices[0]!.online ? "yes" : "no");
    expect(cell("Reboot needed")).toBe(devices[0]!.rebootRequired ? "yes" : "no");
    expect(cell("Last seen")).toBe(
      devices[0]!.lastSeen === null ? "" : new Date(devices[0]!.lastSeen).toISOString(),
    );
  });
});
