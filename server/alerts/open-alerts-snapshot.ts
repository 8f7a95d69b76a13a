import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { z } from "zod";
import { AlertDetailSchema, QueueAlertSchema } from "../contract/alerts";
import { entryOf, type OpenAlertEntry } from "./open-alert-entry";

/**
 * The open list as stored after each poll (gzipped JSON in the fleet snapshots): a restart serves
 * it as stale until the first poll, and followers of several instances serve what the leader
 * polled. A format change bumps SNAPSHOT_FORMAT, so an old copy is ignored rather than misread.
 */
export const SNAPSHOT_NAME = "open-alerts";
export const SNAPSHOT_FORMAT = 1;

const StoredSchema = z.object({
  entries: z.array(
    z.object({
      row: QueueAlertSchema,
      extras: AlertDetailSchema.pick({
        diagnostics: true,
        contextFields: true,
        responseActions: true,
        ticketNumber: true,
        sendsEmails: true,
        createsTicket: true,
        autoresolveMins: true,
      }),
    }),
  ),
});

export async function encodeOpenAlerts(entries: Iterable<OpenAlertEntry>): Promise<Buffer> {
  const stored = [...entries].map((e) => ({ row: e.row, extras: e.extras }));
  return promisify(gzip)(JSON.stringify({ entries: stored }));
}

/** The stored entries by alert uid, or null when the payload is not a list this code wrote. */
export async function decodeOpenAlerts(
  payload: Buffer,
): Promise<Map<string, OpenAlertEntry> | null> {
  const parsed = StoredSchema.safeParse(
    JSON.parse((await promisify(gunzip)(payload)).toString("utf8")),
  );
  if (!parsed.success) return null;
  const entries = new Map<string, OpenAlertEntry>();
  for (const { row, extras } of parsed.data.entries)
    entries.set(row.alertUid, entryOf(row, extras));
  return entries;
}
