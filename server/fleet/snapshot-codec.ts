import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { z } from "zod";
import { DeviceRowSchema } from "../contract/devices";
import type { FleetSnapshotData } from "./fleet-snapshot";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Bump when the payload shape changes; an older payload is then ignored, not misread. */
export const SNAPSHOT_FORMAT = 1;

const SiteBaseSchema = z.object({
  uid: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  portalUrl: z.string().nullable(),
  notes: z.string().nullable(),
  autotaskCompanyName: z.string().nullable(),
});

const PayloadSchema = z.object({
  fetchedAt: z.number(),
  sites: z.array(SiteBaseSchema),
  devices: z.array(DeviceRowSchema),
});

/** gzip runs on the libuv pool, so a 50,000-device save does not stall request handling. */
export async function encodeSnapshot(data: FleetSnapshotData): Promise<Buffer> {
  return gzipAsync(Buffer.from(JSON.stringify(data), "utf8"));
}

/** Null when the payload is unreadable or of another format (the next walk replaces it). */
export async function decodeSnapshot(
  payload: Buffer,
  format: number,
): Promise<FleetSnapshotData | null> {
  if (format !== SNAPSHOT_FORMAT) return null;
  try {
    const json: unknown = JSON.parse((await gunzipAsync(payload)).toString("utf8"));
    const parsed = PayloadSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
