import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes separators and doubles quotes", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });

  it("defuses spreadsheet formulas coming from endpoint text", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("pc-01")).toBe("pc-01");
  });

  it("leaves empty values empty", () => {
    expect(toCsv(["a"], [[null], [undefined]])).toBe("a\r\n\r\n\r\n");
  });
});
