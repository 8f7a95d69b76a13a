import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-param";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
    expect(safeNextPath("/devices?q=srv")).toBe("/devices?q=srv");
    expect(safeNextPath("/devices?q=srv%2001&sort=hostname")).toBe(
      "/devices?q=srv%2001&sort=hostname",
    );
  });

  it("refuses anything that would leave the site or loop back to the login page", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "admin",
      "/login?next=/x",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      " //evil.example",
      "/ /evil.example",
      "/\u0000/evil.example",
      "/x\\evil.example",
      "/devices\u00A0",
      null,
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
