import { describe, expect, it } from "vitest";
import { ConfigError, normalizeDattoApiUrl, parseConfig } from "./env";

describe("parseConfig", () => {
  it("runs in demo mode when no Datto variable is set", () => {
    const config = parseConfig({});
    expect(config.mode).toBe("demo");
    expect(config.datto).toBeNull();
    expect(config).toMatchObject({ port: 8080, host: "127.0.0.1", dataDir: "./data" });
  });

  it("runs live with all three and normalises the pasted host", () => {
    const config = parseConfig({
      DATTO_API_URL: "https://pinotage-api.centrastage.net/",
      DATTO_API_KEY: "key-value-123",
      DATTO_API_SECRET: "secret-value-456",
    });
    expect(config.mode).toBe("live");
    expect(config.datto?.baseUrl).toBe("https://pinotage-api.centrastage.net/api");
  });

  it("refuses to start with some but not all Datto variables, naming what is missing and no value", () => {
    const start = () =>
      parseConfig({ DATTO_API_KEY: "key-value-123", DATTO_API_SECRET: "secret-value-456" });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/DATTO_API_URL is missing/);
    try {
      start();
    } catch (error) {
      expect(String(error)).not.toContain("secret-value-456");
      expect(String(error)).not.toContain("key-value-123");
    }
  });

  it("explains a bad port", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT: must be a number/);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT: must be between 1 and 65535/);
  });

  it("marks cookies Secure and keeps the public origin when served over https", () => {
    const config = parseConfig({ PUBLIC_URL: "https://deck.example.com/" });
    expect(config.secureCookies).toBe(true);
    expect(config.publicOrigin).toBe("https://deck.example.com");
  });

  it("reads TRUSTED_PROXIES as addresses and ranges, and names a bad entry", () => {
    expect(parseConfig({}).trustedProxies).toEqual([]);
    expect(
      parseConfig({ TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.7 ,fd00::/8" }).trustedProxies,
    ).toEqual(["10.0.0.0/8", "192.0.2.7", "fd00::/8"]);
    expect(() => parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(
      /TRUSTED_PROXIES: proxy.internal is not an IP address or CIDR range/,
    );
  });
});

describe("normalizeDattoApiUrl", () => {
  it.each([
    ["https://merlot-api.centrastage.net", "https://merlot-api.centrastage.net/api"],
    ["https://merlot-api.centrastage.net/api", "https://merlot-api.centrastage.net/api"],
    ["https://merlot-api.centrastage.net/api/", "https://merlot-api.centrastage.net/api"],
    ["https://merlot-api.centrastage.net/api/v2", "https://merlot-api.centrastage.net/api"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010/api"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeDattoApiUrl(input)).toBe(expected);
  });

  it("refuses plain http off loopback and things that are not URLs", () => {
    expect(() => normalizeDattoApiUrl("http://merlot-api.centrastage.net")).toThrow(/https/);
    expect(() => normalizeDattoApiUrl("merlot")).toThrow(/not a URL/);
  });
});

describe("several instances (DATABASE_URL, REDIS_URL)", () => {
  it("stays on SQLite, alone, without them", () => {
    expect(parseConfig({})).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      redisKeyPrefix: "rmmd:",
    });
    expect(parseConfig({ DATABASE_URL: "", REDIS_URL: "" })).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
    });
  });

  it("takes PostgreSQL and Redis URLs, and refuses Redis without a shared database", () => {
    expect(
      parseConfig({
        DATABASE_URL: "postgres://deck:pw@db:5432/deck",
        REDIS_URL: "redis://cache:6379",
        REDIS_KEY_PREFIX: "acme:",
      }),
    ).toMatchObject({
      databaseUrl: "postgres://deck:pw@db:5432/deck",
      redisUrl: "redis://cache:6379",
      redisKeyPrefix: "acme:",
    });
    expect(() => parseConfig({ REDIS_URL: "redis://cache:6379" })).toThrow(
      /REDIS_URL is set without DATABASE_URL/,
    );
    expect(() => parseConfig({ DATABASE_URL: "mysql://db/deck" })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ DATABASE_URL: "postgres://db/x", REDIS_URL: "http://x" })).toThrow(
      /REDIS_URL/,
    );
    const error = (() => {
      try {
        parseConfig({ DATABASE_URL: "mysql://deck:secret-pw@db/deck" });
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(error).not.toContain("secret-pw");
  });
});
