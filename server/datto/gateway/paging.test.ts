import { describe, expect, it } from "vitest";
import { DattoError } from "./datto-error";
import { createLoopGuard, MAX_PAGES, nextPageQuery } from "./paging";

describe("nextPageQuery (API.md §4)", () => {
  it("takes only the query string and re-adds filters Datto dropped", () => {
    const next = nextPageQuery(
      "https://evil.example/elsewhere/api/v2/account/devices?max=250&page=1",
      [
        ["hostname", "web"],
        ["max", "250"],
      ],
    );
    expect(next).toEqual([
      ["hostname", "web"],
      ["max", "250"],
      ["page", "1"],
    ]);
  });

  it("keeps a filter the link already carries instead of doubling it", () => {
    const next = nextPageQuery("/api/v2/x?siteName=a&page=2", [["siteName", "b"]]);
    expect(next).toEqual([
      ["page", "2"],
      ["siteName", "a"],
    ]);
  });

  it("answers null on the last page", () => {
    expect(nextPageQuery(null, [])).toBeNull();
    expect(nextPageQuery("", [])).toBeNull();
  });
});

describe("createLoopGuard", () => {
  it("refuses the same page twice", () => {
    const guard = createLoopGuard();
    guard([["page", "1"]]);
    expect(() => guard([["page", "1"]])).toThrow(DattoError);
  });

  it("refuses more than the page cap", () => {
    const guard = createLoopGuard();
    for (let i = 0; i < MAX_PAGES; i++) guard([["page", String(i)]]);
    expect(() => guard([["page", String(MAX_PAGES)]])).toThrow(/past 1000 pages/);
  });
});
