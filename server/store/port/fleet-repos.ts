import type {
  AlertSavedView,
  CreateAlertSavedView,
  CreateSavedView,
  SavedView,
  UdfLabels,
} from "../../contract/views";

export type StoredSnapshot = {
  fetchedAt: number;
  savedAt: number;
  /** Version of the payload encoding (server/fleet/snapshot-codec.ts). */
  format: number;
  payload: Buffer;
};

/** Keeps one snapshot per name (only "fleet" today): each save replaces the previous one. */
export interface FleetSnapshotRepo {
  save(
    snapshot: { fetchedAt: number; format: number; payload: Buffer },
    name?: string,
  ): Promise<void>;
  load(name?: string): Promise<StoredSnapshot | null>;
  /** When the stored one was fetched and saved, without its payload (a cheap "is it new?"). */
  stamp(name?: string): Promise<{ fetchedAt: number; savedAt: number } | null>;
}

/** Saved device views; every call is scoped to its owner, so one user never sees another's. */
export interface SavedViewRepo {
  /** The person's device views. */
  list(userId: string): Promise<SavedView[]>;
  create(userId: string, view: CreateSavedView): Promise<SavedView>;
  /** The person's alert-queue views (kind "alerts"). */
  listAlertViews(userId: string): Promise<AlertSavedView[]>;
  createAlertView(userId: string, view: CreateAlertSavedView): Promise<AlertSavedView>;
  /** How many views of every kind the person has. */
  count(userId: string): Promise<number>;
  /** Any kind. False when no view with this id belongs to this user. */
  delete(userId: string, id: string): Promise<boolean>;
}

/** Admin-given names of UDF fields ("udf3" -> "Contract"), shared by every user. */
export interface UdfLabelRepo {
  getAll(): Promise<UdfLabels>;
  /** Replaces every label; empty labels are dropped. Resolves to what is stored afterwards. */
  replaceAll(labels: UdfLabels): Promise<UdfLabels>;
}
