import { describe, expect, it } from "vitest";
import { csvCell } from "./csv";

const row = (cells: unknown[]) => cells.map(csvCell).join(",");

describe("csvCell", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(row(["x,y", 'say "hi"'])).toBe('"x,y","say ""hi"""');
    // A ";" list separator (some Excel locales) cannot split a quoted cell.
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;=cmd|' /C calc'!A0"`);
  });

  it("defuses spreadsheet formulas coming from endpoint text", () => {
    const cells = ["=HYPERLINK(1)", "-2", "pc-01", "\t=1", "  +1", "\u00A0@x", "\uFF1D1"];
    expect(row(cells)).toBe(
      `"'=HYPERLINK(1)","'-2","pc-01","'\t=1","'  +1","'\u00A0@x","'\uFF1D1"`,
    );
  });

  it("drops bidirectional controls, as the screen does, and sees the formula behind one", () => {
    expect(csvCell("invoice\u202Egnp.exe")).toBe('"invoicegnp.exe"');
    expect(csvCell("\u2066=1+1")).toBe(`"'=1+1"`);
  });

  it("writes empty values as empty quoted cells", () => {
    expect(row([null, undefined, 0])).toBe('"","","0"');
  });
});
