import { describe, expect, it } from "vitest";
import { createCookieJar } from "./cookie-jar";

describe("createCookieJar", () => {
  it("keeps cookies from Set-Cookie and sends them back as one Cookie header", () => {
    const jar = createCookieJar();
    jar.store(["rmmdeck_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600", "other=1"]);
    expect(jar.header()).toBe("rmmdeck_session=abc; other=1");
  });

  it("replaces a cookie set again and forgets one deleted with Max-Age=0 or a past Expires", () => {
    const jar = createCookieJar(() => Date.parse("2026-01-01T00:00:00Z"));
    jar.store(["a=1", "b=2", "c=3"]);
    jar.store(["a=9", "b=; Max-Age=0; Path=/", "c=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
    expect(jar.header()).toBe("a=9");
    jar.clear();
    expect(jar.header()).toBeNull();
  });
});
