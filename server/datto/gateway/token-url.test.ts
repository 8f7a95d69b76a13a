import { describe, expect, it } from "vitest";
import { normalizeBaseUrl, tokenUrlFor } from "./token-url";

describe("tokenUrlFor (API.md §1, §8)", () => {
  it("puts the token endpoint beside /api, not under it", () => {
    expect(tokenUrlFor("https://pinotage-api.centrastage.net/api")).toBe(
      "https://pinotage-api.centrastage.net/auth/oauth/token",
    );
  });

  it("strips only the final /api segment, even when the host contains 'api'", () => {
    expect(tokenUrlFor("https://api.example-api.net/api/")).toBe(
      "https://api.example-api.net/auth/oauth/token",
    );
    expect(tokenUrlFor("http://127.0.0.1:9000/datto/api")).toBe(
      "http://127.0.0.1:9000/datto/auth/oauth/token",
    );
  });

  it("normalises the base without a trailing slash", () => {
    expect(normalizeBaseUrl("https://merlot-api.centrastage.net/api/")).toBe(
      "https://merlot-api.centrastage.net/api",
    );
  });
});
