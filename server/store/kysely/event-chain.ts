import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { Database } from "./database";

type Row = Selectable<Database["events"]>;

/** The first link's "previous hash". */
export const GENESIS = "0".repeat(64);

/**
 * A row's hash: SHA-256 over the previous hash and every stored column but the id and the hashes,
 * as stored (the detail's JSON text as written), so verifying needs no re-serialisation.
 */
export function eventHash(prevHash: string, row: Omit<Row, "id" | "prev_hash" | "hash">): string {
  const content = JSON.stringify([
    prevHash,
    Number(row.at),
    row.actor,
    row.actor_kind,
    row.actor_id,
    row.kind,
    row.target,
    row.detail,
  ]);
  return createHash("sha256").update(content).digest("hex");
}

/** Why a row breaks the chain after `prevHash`, or null when it links and matches. */
export function chainProblem(prevHash: string, row: Row): string | null {
  if (row.hash === null) return "it has no hash (written outside the chain)";
  if (row.prev_hash !== prevHash)
    return "it does not link to the row before it (a row was removed or inserted)";
  if (eventHash(prevHash, row) !== row.hash)
    return "its content does not match its hash (it was changed)";
  return null;
}
