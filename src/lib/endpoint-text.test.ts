import { describe, expect, it } from "vitest";
import { endpointText } from "./endpoint-text";

describe("endpointText", () => {
  it("drops every bidirectional control and keeps the rest", () => {
    const controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(endpointText(`inv\u202Efdp.exe${controls}`)).toBe("invfdp.exe");
    expect(endpointText("ДИСК C: — 日本語 ✓")).toBe("ДИСК C: — 日本語 ✓");
    expect(endpointText(null)).toBeNull();
  });
});
