import { createHash } from "node:crypto";
import type { ProposalPayload } from "../contract/proposals";

/** JSON with object keys sorted at every level: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What an approval binds to: the tool and its exact payload. A changed payload is a new digest. */
export const proposalDigest = (tool: string, payload: ProposalPayload) =>
  createHash("sha256").update(canonicalJson({ tool, payload })).digest("hex");
