import type { AuditEvent } from "../../contract/users";

export type NewEvent = Omit<AuditEvent, "id" | "at"> & { at?: number };

export interface EventRepo {
  append(event: NewEvent): Promise<AuditEvent>;
  /** Newest first; `before` is an event id (exclusive) for paging back. */
  list(options: { limit: number; before?: number }): Promise<AuditEvent[]>;
}
