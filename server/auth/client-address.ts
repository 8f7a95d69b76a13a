import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The socket's peer address. X-Forwarded-For is deliberately not trusted: anyone can send it, and
 * trusting it would let a client pick a fresh address for every guess at a password.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
