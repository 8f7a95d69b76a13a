import { z } from "zod";
import { AlertCountsSchema } from "./alerts";
import { FreshnessSchema } from "./freshness";

/** The fleet index's sync state and counts (GET /api/fleet/status; also on every list answer). */

export const FleetSyncStatusSchema = z.object({
  state: z.enum(["idle", "syncing", "error"]),
  pagesDone: z.number(),
  /** Null while the number of pages is not yet known. */
  pagesTotal: z.number().nullable(),
  /** Devices read so far by the sync running (all of them once it has finished). */
  devicesDone: z.number(),
  /** The devices the account holds, once the site list has said; null until then. */
  devicesTotal: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type FleetSyncStatus = z.infer<typeof FleetSyncStatusSchema>;

/** GET /api/fleet/status */
export const FleetStatusResponseSchema = z.object({
  sync: FleetSyncStatusSchema,
  freshness: FreshnessSchema,
  counts: z.object({
    sites: z.number(),
    devices: z.number(),
    online: z.number(),
    offline: z.number(),
    openAlerts: AlertCountsSchema,
  }),
});
export type FleetStatusResponse = z.infer<typeof FleetStatusResponseSchema>;
