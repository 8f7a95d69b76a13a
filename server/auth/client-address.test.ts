import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, createTrustedProxies, invalidProxyEntries } from "./client-address";

function addressSeen(options: { peer: string; forwardedFor?: string; trusted?: string[] }) {
  const trusted = createTrustedProxies(options.trusted ?? []);
  const app = new Hono().get("/", (c) => c.text(clientAddress(c, trusted)));
  const headers: Record<string, string> = {};
  if (options.forwardedFor !== undefined) headers["x-forwarded-for"] = options.forwardedFor;
  const env = { incoming: { socket: { remoteAddress: options.peer } } };
  return Promise.resolve(app.request("/", { headers }, env)).then((r) => r.text());
}

describe("client address and TRUSTED_PROXIES", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    expect(await addressSeen({ peer: "203.0.113.5", forwardedFor: "198.51.100.1" })).toBe(
      "203.0.113.5",
    );
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const seen = await addressSeen({
      peer: "203.0.113.5",
      forwardedFor: "198.51.100.1",
      trusted: ["10.0.0.0/8"],
    });
    expect(seen).toBe("203.0.113.5");
  });

  it("reads the client from the right of X-Forwarded-For, skipping trusted proxies", async () => {
    const trusted = ["10.0.0.0/8", "192.0.2.7"];
    expect(await addressSeen({ peer: "10.1.2.3", forwardedFor: "198.51.100.1", trusted })).toBe(
      "198.51.100.1",
    );
    // A client-sent fake on the left is never reached: the first untrusted hop from the right wins.
    const chained = await addressSeen({
      peer: "10.1.2.3",
      forwardedFor: "1.1.1.1, 198.51.100.1, 192.0.2.7",
      trusted,
    });
    expect(chained).toBe("198.51.100.1");
  });

  it("handles IPv6, IPv4-mapped peers, garbage and an empty header", async () => {
    expect(
      await addressSeen({
        peer: "::ffff:10.0.0.9",
        forwardedFor: "2001:db8::1",
        trusted: ["10.0.0.0/8"],
      }),
    ).toBe("2001:db8::1");
    expect(
      await addressSeen({ peer: "fd00::1", forwardedFor: "198.51.100.4", trusted: ["fd00::/8"] }),
    ).toBe("198.51.100.4");
    expect(
      await addressSeen({
        peer: "10.0.0.9",
        forwardedFor: "not-an-ip, 198.51.100.4",
        trusted: ["10.0.0.0/8"],
      }),
    ).toBe("198.51.100.4");
    expect(
      await addressSeen({
        peer: "10.0.0.9",
        forwardedFor: "198.51.100.4, bogus",
        trusted: ["10.0.0.0/8"],
      }),
    ).toBe("10.0.0.9");
    expect(await addressSeen({ peer: "10.0.0.9", trusted: ["10.0.0.0/8"] })).toBe("10.0.0.9");
  });

  it("names the entries that are not addresses or ranges", () => {
    expect(
      invalidProxyEntries([
        "10.0.0.0/8",
        "fd00::/8",
        "192.0.2.7",
        "proxy.local",
        "10.0.0.0/33",
        "1.2.3.4/8/9",
      ]),
    ).toEqual(["proxy.local", "10.0.0.0/33", "1.2.3.4/8/9"]);
  });
});
