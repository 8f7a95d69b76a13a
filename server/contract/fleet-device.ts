import { z } from "zod";
import { FreshnessSchema } from "./freshness";
import { DeviceRowSchema } from "./fleet";

/** Our own contract for one device and its audits (the SPA never sees raw Datto JSON). */

export const UdfFieldSchema = z.object({
  /** "udf7" */
  key: z.string(),
  index: z.number().int(),
  /** The admin-given name (PUT /api/fleet/udf-labels), null when none. */
  label: z.string().nullable(),
  value: z.string(),
});
export type UdfField = z.infer<typeof UdfFieldSchema>;

/** GET /api/devices/:uid */
export const DeviceDetailSchema = DeviceRowSchema.extend({
  portalUrl: z.string().nullable(),
  webRemoteUrl: z.string().nullable(),
  a64Bit: z.boolean().nullable(),
  cagVersion: z.string().nullable(),
  displayVersion: z.string().nullable(),
  creationDate: z.number().nullable(),
  patches: z.object({
    approvedPending: z.number().nullable(),
    notApproved: z.number().nullable(),
    installed: z.number().nullable(),
  }),
  /** Non-empty UDFs in index order, with their labels. */
  udfFields: z.array(UdfFieldSchema),
  freshness: FreshnessSchema,
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

const str = z.string().nullable();
const num = z.number().nullable();

export const NicSchema = z.object({
  name: str,
  ipv4: str,
  ipv6: str,
  macAddress: str,
  type: str,
  /** ESXi NICs only. */
  speed: str,
});
export type Nic = z.infer<typeof NicSchema>;

export const MemoryModuleSchema = z.object({
  module: str,
  /** Bytes. */
  size: num,
  type: str,
  speed: str,
  serialNumber: str,
  partNumber: str,
  bank: str,
});

export const DeviceHardwareAuditSchema = z.object({
  kind: z.literal("device"),
  systemInfo: z.object({
    manufacturer: str,
    model: str,
    totalPhysicalMemory: num,
    username: str,
    dotNetVersion: str,
    totalCpuCores: num,
  }),
  /** releaseDate as an ISO string whatever Datto sent (API.md §6: epoch ms or date-time). */
  bios: z.object({ instance: str, releaseDate: str, serialNumber: str, smBiosVersion: str }),
  baseBoard: z.object({ manufacturer: str, product: str }),
  processors: z.array(z.object({ name: str })),
  physicalMemory: z.array(MemoryModuleSchema),
  /** size and free in bytes; usedPercent 0..100 or null when size is unknown. */
  logicalDisks: z.array(
    z.object({
      description: str,
      diskIdentifier: str,
      size: num,
      free: num,
      usedPercent: num,
    }),
  ),
  displays: z.array(z.object({ instance: str, screenWidth: num, screenHeight: num })),
  videoBoards: z.array(z.object({ displayAdapter: str })),
  nics: z.array(NicSchema),
  freshness: FreshnessSchema,
});

export const EsxiHostAuditSchema = z.object({
  kind: z.literal("esxihost"),
  systemInfo: z.object({
    manufacturer: str,
    model: str,
    name: str,
    numberOfSnapshots: num,
    serviceTag: str,
  }),
  processors: z.array(z.object({ name: str, frequency: num, numberOfCores: num })),
  physicalMemory: z.array(MemoryModuleSchema),
  nics: z.array(NicSchema),
  datastores: z.array(
    z.object({
      datastoreName: str,
      subscriptionPercent: num,
      freeSpace: num,
      size: num,
      fileSystem: str,
      status: str,
    }),
  ),
  guests: z.array(
    z.object({
      guestName: str,
      processorSpeedTotal: num,
      memorySizeTotal: num,
      numberOfSnapshots: num,
      datastores: str,
    }),
  ),
  freshness: FreshnessSchema,
});

export const PrinterAuditSchema = z.object({
  kind: z.literal("printer"),
  systemInfo: z.object({ manufacturer: str, model: str }),
  printedPageCount: num,
  markerSupplies: z.array(z.object({ description: str, maxCapacity: str, suppliesLevel: str })),
  nics: z.array(NicSchema),
  freshness: FreshnessSchema,
});

/** Classes Datto cannot audit (rmmnetworkdevice, unknown): a message, never an error page. */
export const UnsupportedAuditSchema = z.object({
  kind: z.literal("unsupported"),
  deviceClass: z.string(),
  message: z.string(),
  freshness: FreshnessSchema,
});

/** GET /api/devices/:uid/audit */
export const DeviceAuditSchema = z.discriminatedUnion("kind", [
  DeviceHardwareAuditSchema,
  EsxiHostAuditSchema,
  PrinterAuditSchema,
  UnsupportedAuditSchema,
]);
export type DeviceAudit = z.infer<typeof DeviceAuditSchema>;

export const SoftwareItemSchema = z.object({ name: z.string(), version: z.string() });
export type SoftwareItem = z.infer<typeof SoftwareItemSchema>;

/** GET /api/devices/:uid/software (sorted by name; the SPA searches and sorts locally). */
export const SoftwareListSchema = z.object({
  items: z.array(SoftwareItemSchema),
  total: z.number(),
  freshness: FreshnessSchema,
});
export type SoftwareList = z.infer<typeof SoftwareListSchema>;

export const ALERT_PRIORITIES = [
  "Critical",
  "High",
  "Moderate",
  "Low",
  "Information",
  "Unknown",
] as const;
export const AlertPrioritySchema = z.enum(ALERT_PRIORITIES);

export const DeviceAlertSchema = z.object({
  alertUid: z.string(),
  priority: AlertPrioritySchema,
  diagnostics: z.string().nullable(),
  timestamp: z.number().nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedOn: z.number().nullable(),
  /** The Datto "@class" of the alert context, e.g. "perf_disk_usage_ctx"; null when absent. */
  contextClass: z.string().nullable(),
  /** One line for a person, built from the context; generic for unknown classes. */
  contextSummary: z.string(),
  deviceUid: z.string().nullable(),
  deviceName: z.string().nullable(),
  siteUid: z.string().nullable(),
  siteName: z.string().nullable(),
});
export type DeviceAlert = z.infer<typeof DeviceAlertSchema>;

export const AlertStateSchema = z.enum(["open", "resolved"], {
  error: "state must be open or resolved.",
});

/** GET /api/devices/:uid/alerts?state= and GET /api/sites/:uid/alerts (newest first). */
export const AlertListResponseSchema = z.object({
  alerts: z.array(DeviceAlertSchema),
  total: z.number(),
  freshness: FreshnessSchema,
});
export type AlertListResponse = z.infer<typeof AlertListResponseSchema>;

/** 202 body of POST /api/devices/:uid/refresh and POST /api/sites/:uid/refresh. */
export const RefreshAcceptedSchema = z.object({ accepted: z.literal(true) });
