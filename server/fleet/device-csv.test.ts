import { describe, expect, it } from "vitest";
import { csvCell } from "../contract/csv";
import { csvColumns, devicesToCsv, devicesToCsvStream } from "./device-csv";
import { makeDeviceRow } from "../testing/make-device-row";

describe("device CSV", () => {
  it("quotes every cell and doubles quotes (RFC 4180)", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("")).toBe('""');
    // Excel in ";"-separator locales splits unquoted cells on ";": quoted, it stays one cell.
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;=cmd|' /C calc'!A0"`);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tcmd")).toBe(`"'\tcmd"`);
    expect(csvCell("\t=cmd")).toBe(`"'\t=cmd"`);
    expect(csvCell("\r=cmd")).toBe(`"'\r=cmd"`);
    expect(csvCell("\n=cmd")).toBe(`"'\n=cmd"`);
    expect(csvCell(";=cmd")).toBe(`";=cmd"`);
    expect(csvCell("a=b")).toBe(`"a=b"`);
    expect(csvCell(" hello")).toBe(`" hello"`);
  });

  it("looks past leading spaces and at full-width formula signs", () => {
    expect(csvCell("  =1+1")).toBe(`"'  =1+1"`);
    expect(csvCell("\u00A0@SUM(A1)")).toBe(`"'\u00A0@SUM(A1)"`);
    expect(csvCell("\uFF1D1+1")).toBe(`"'\uFF1D1+1"`);
    expect(csvCell("\uFF0B1")).toBe(`"'\uFF0B1"`);
    expect(csvCell("\uFF0D1")).toBe(`"'\uFF0D1"`);
    expect(csvCell(" \uFF20x")).toBe(`"' \uFF20x"`);
  });

  it("looks past invisible characters and defuses a leading control character", () => {
    expect(csvCell("\u200B=cmd")).toBe(`"'\u200B=cmd"`); // zero-width space
    expect(csvCell("\uFEFF+1")).toBe(`"'\uFEFF+1"`); // byte-order mark
    expect(csvCell("\u200D\u2060@x")).toBe(`"'\u200D\u2060@x"`); // joiners
    expect(csvCell("\0=cmd")).toBe(`"'\0=cmd"`);
    expect(csvCell("\0plain")).toBe(`"'\0plain"`);
    expect(csvCell(" \0=cmd")).toBe(`"' \0=cmd"`);
    expect(csvCell("\u200Bplain")).toBe(`"\u200Bplain"`);
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
      '"Hostname","Online","Last seen","Contract (udf3)"',
      `"'=cmd|' /C calc'!A0","yes","","Gold, Plus"`,
      '"PC-2","no","2026-01-02T00:00:00.000Z",""',
      "",
    ]);
  });

  it("keeps only known columns and falls back to defaults", () => {
    expect(csvColumns("hostname,nope,udf9,hostname")).toEqual(["hostname", "udf9"]);
    expect(csvColumns(undefined)[0]).toBe("hostname");
  });
});

describe("streamed device CSV", () => {
  const read = async (stream: ReadableStream<Uint8Array>) => {
    const chunks: string[] = [];
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM: it is part of the file
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(decoder.decode(next.value, { stream: true }));
    }
    return chunks;
  };

  it("is byte for byte the one-piece CSV, in many chunks", async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) =>
      makeDeviceRow({ uid: `u${i}`, hostname: `=HOST-${i}`, udf: { udf7: `v${i}` } }),
    );
    const columns = ["hostname", "online", "udf7"];
    const chunks = await read(
      devicesToCsvStream(rows, columns, { udf7: "Contract" }, { chunkRows: 100 }),
    );
    expect(chunks.length).toBe(1 + 11);
    expect(chunks.join("")).toBe(devicesToCsv(rows, columns, { udf7: "Contract" }));
    expect(chunks[0]).toBe('\uFEFF"Hostname","Online","Contract (udf7)"\r\n');
  });

  it("lets other work run between chunks", async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => makeDeviceRow({ uid: `u${i}` }));
    const reader = devicesToCsvStream(rows, ["hostname"], {}, { chunkRows: 100 }).getReader();
    let otherWork = 0;
    const ticker = setInterval(() => (otherWork += 1), 0);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    clearInterval(ticker);
    expect(otherWork).toBeGreaterThan(0);
  });

  it("says when it is done, whether read to the end or abandoned half-way", async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => makeDeviceRow({ uid: `u${i}` }));
    let done = 0;
    await read(
      devicesToCsvStream(rows, ["hostname"], {}, { chunkRows: 100, onDone: () => (done += 1) }),
    );
    expect(done).toBe(1);
    const reader = devicesToCsvStream(
      rows,
      ["hostname"],
      {},
      { chunkRows: 100, onDone: () => (done += 1) },
    ).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(done).toBe(2);
  });

  it("writes only a header for an empty fleet", async () => {
    expect((await read(devicesToCsvStream([], ["hostname"], {}))).join("")).toBe(
      '\uFEFF"Hostname"\r\n',
    );
  });
});
