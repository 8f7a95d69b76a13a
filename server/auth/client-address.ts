import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The reverse proxies (TRUSTED_PROXIES) whose X-Forwarded-For is believed; null: none. */
export type TrustedProxies = BlockList | null;

/** "10.0.0.0/8", "192.0.2.7", "fd00::/8"...: one entry of TRUSTED_PROXIES, or null when invalid. */
function parseEntry(
  entry: string,
): { address: string; prefix: number | null; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText, extra] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, prefix: null, family };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return null;
  return { address, prefix, family };
}

/** The entries of TRUSTED_PROXIES that are not an address or a CIDR range (for the config error). */
export function invalidProxyEntries(entries: string[]): string[] {
  return entries.filter((entry) => parseEntry(entry) === null);
}

export function createTrustedProxies(entries: string[]): TrustedProxies {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`Not an address or CIDR range: ${entry}`);
    if (parsed.prefix === null) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

const isTrusted = (trusted: BlockList, address: string) => {
  const version = isIP(address);
  return version !== 0 && trusted.check(address, version === 4 ? "ipv4" : "ipv6");
};

/**
 * The client's address. By default the socket's peer: X-Forwarded-For is not trusted, because anyone
 * can send it, and trusting it would let a client pick a fresh address for every password guess.
 * Behind reverse proxies named in TRUSTED_PROXIES, X-Forwarded-For is read from the right, skipping
 * those proxies: the first address no trusted proxy vouches for is the client.
 */
export function clientAddress(c: Context, trusted: TrustedProxies = null): string {
  let peer: string;
  try {
    peer = normalize(getConnInfo(c).remote.address ?? "unknown");
  } catch {
    return "unknown";
  }
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => normalize(part.trim()))
    .filter((part) => part !== "");
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (isIP(hop) === 0) break; // garbage from the client: stop believing the chain here
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
