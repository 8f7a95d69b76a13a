import { describe, expect, it } from "vitest";
import { toCsv } from "./csv-file";

describe("toCsv", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('"a","b"\r\n"x,y","say ""hi"""\r\n');
    // A ";" list separator (some Excel locales) cannot split a quoted cell.
    expect(toCsv(["h"], [["x;=cmd|' /C calc'!A0"]])).toBe(`"h"\r\n"x;=cmd|' /C calc'!A0"\r\n`);
  });

  it("defuses spreadsheet formulas coming from endpoint text", () => {
    const cells = ["=HYPERLINK(1)", "-2", "pc-01", "\t=1", "  +1", "\u00A0@x", "\uFF1D1"];
    expect(toCsv(["h"], [cells])).toBe(
      `"h"\r\n"'=HYPERLINK(1)","'-2","pc-01","'\t=1","'  +1","'\u00A0@x","'\uFF1D1"\r\n`,
    );
  });

  it("writes empty values as empty quoted cells", () => {
    expect(toCsv(["a"], [[null], [undefined], [0]])).toBe('"a"\r\n""\r\n""\r\n"0"\r\n');
  });
});
