import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-param";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
    expect(safeNextPath("/devices?q=srv")).toBe("/devices?q=srv");
  });

  it("refuses anything that would leave the site or loop back to the login page", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "admin",
      "/login?next=/x",
      null,
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
