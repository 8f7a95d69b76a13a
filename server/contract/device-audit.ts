import { z } from "zod";
import { FreshnessSchema } from "./freshness";

/** GET /api/devices/:uid/audit: one shape per device class Datto can audit. */

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
