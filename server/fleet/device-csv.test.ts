import { describe, expect, it } from "vitest";
import { csvCell, csvColumns, devicesToCsv } from "./device-csv";
import { makeDeviceRow } from "./testing/make-device-row";

describe("device CSV", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes a header row and one line per device, with UDF labels", () => {
    const rows = [
      makeDeviceRow({
        uid: "a",
        hostname: "=cmd|' /C calc'!A0",
        description: "x",
        udf: { udf3: "Gold, Plus" },
      }),
      makeDeviceRow({ uid: "b", hostname: "PC-2", online: false, lastSeen: Date.UTC(2026, 0, 2) }),
    ];
    const csv = devicesToCsv(rows, csvColumns("hostname,online,lastSeen,udf3"), {
      udf3: "Contract",
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Hostname,Online,Last seen,Contract (udf3)",
      "'=cmd|' /C calc'!A0,yes,,\"Gold, Plus\"",
      "PC-2,no,2026-01-02T00:00:00.000Z,",
      "",
    ]);
  });

  it("keeps only known columns and falls back to defaults", () => {
    expect(csvColumns("hostname,nope,udf9,hostname")).toEqual(["hostname", "udf9"]);
    expect(csvColumns(undefined)[0]).toBe("hostname");
  });
});
