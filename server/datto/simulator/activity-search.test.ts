import { describe, expect, it } from "vitest";
import { compileActivitySearch, type SearchMatcher } from "./activity-search";

const doc = { category: "job", action: "create", hostname: "ACME-WS-001", details: '{"a":1}' };

function matcher(query: string): SearchMatcher {
  const compiled = compileActivitySearch(query);
  if (typeof compiled !== "function") throw new Error(compiled.error);
  return compiled;
}

describe("activity searchQuery", () => {
  it.each([
    ["", true],
    ["acme", true],
    ['"ws-001"', true],
    ["hostname : acme-ws-*", true],
    ["hostname:ACME*001", true],
    ["category : alert", false],
    ["category : job AND action : create", true],
    ["category : job action : delete", false],
    ["category : alert OR action : create", true],
    ["NOT category : job", false],
    ["job AND NOT hostname : other", true],
  ])("%s matches: %s", (query, expected) => {
    expect(matcher(query)(doc)).toBe(expected);
  });

  it.each(["NOT", "AND job", "job OR", '"open quote', "(job)"])("%s cannot be read", (query) => {
    const compiled = compileActivitySearch(query);
    expect(typeof compiled).toBe("object");
  });
});
