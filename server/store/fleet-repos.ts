import type { CreateSavedView, SavedView, UdfLabels } from "../contract/views";

/** The fleet's part of the persistence port (store.ts); the SQLite adapter implements these. */

export type StoredSnapshot = {
  fetchedAt: number;
  savedAt: number;
  /** Version of the payload encoding (server/fleet/snapshot-codec.ts). */
  format: number;
  payload: Buffer;
};

/** Keeps one snapshot per name (only "fleet" today): each save replaces the previous one. */
export interface FleetSnapshotRepo {
  save(snapshot: { fetchedAt: number; format: number; payload: Buffer }, name?: string): void;
  load(name?: string): StoredSnapshot | null;
}

/** Saved device views; every call is scoped to its owner, so one user never sees another's. */
export interface SavedViewRepo {
  list(userId: string): SavedView[];
  create(userId: string, view: CreateSavedView): SavedView;
  /** False when no view with this id belongs to this user. */
  delete(userId: string, id: string): boolean;
}

/** Admin-given names of UDF fields ("udf3" -> "Contract"), shared by every user. */
export interface UdfLabelRepo {
  getAll(): UdfLabels;
  /** Replaces every label; empty labels are dropped. Returns what is stored afterwards. */
  replaceAll(labels: UdfLabels): UdfLabels;
}
