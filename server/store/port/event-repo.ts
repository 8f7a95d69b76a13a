import type { AuditEvent } from "../../contract/users";

export type NewEvent = Omit<AuditEvent, "id" | "at"> & { at?: number };

export type EventFilter = {
  /** Events whose kind is this or starts with it and a dot ("proposal" matches "proposal.approved"). */
  kind?: string;
  actorKind?: AuditEvent["actorKind"];
  /** The name the log shows (exact). */
  actor?: string;
  target?: string;
  /** Epoch ms, inclusive / exclusive. */
  since?: number;
  until?: number;
};

/** The first row whose link or content no longer matches, or null when the whole chain holds. */
export type ChainCheck = { checked: number; broken: null | { id: number; problem: string } };

/**
 * The audit log: append-only (the database refuses UPDATE and DELETE) and hash-chained: each
 * row holds the hash of the row before it and a hash of its own content (decision 0024).
 */
export interface EventRepo {
  /** Appends at the end of the chain; concurrent appends (other processes too) queue. */
  append(event: NewEvent): Promise<AuditEvent>;
  /** Newest first; `before` is an event id (exclusive) for paging back. */
  list(options: { limit: number; before?: number } & EventFilter): Promise<AuditEvent[]>;
  /** Walks the whole chain from the first row. */
  verifyChain(): Promise<ChainCheck>;
}
