import { z } from "zod";
import { anyRecord, DattoTimestampSchema, flexibleNumber, nullableString } from "./common";

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const DattoNicSchema = z.looseObject({
  instance: nullableString,
  ipv4: nullableString,
  ipv6: nullableString,
  macAddress: nullableString,
  type: nullableString,
});

const DattoLogicalDiskSchema = z.looseObject({
  description: nullableString,
  diskIdentifier: nullableString,
  freespace: flexibleNumber,
  size: flexibleNumber,
});

const DattoPhysicalMemorySchema = z.looseObject({
  module: nullableString,
  size: flexibleNumber,
  type: nullableString,
  speed: z.union([z.string(), z.number()]).nullish(),
  serialNumber: nullableString,
  partNumber: nullableString,
  bank: nullableString,
});

/** GET /v2/audit/device/{uid}: hardware and network of a `device`-class machine (API.md §6). */
export const DattoDeviceAuditSchema = z.looseObject({
  portalUrl: nullableString,
  webRemoteUrl: nullableString,
  systemInfo: z
    .looseObject({
      manufacturer: nullableString,
      model: nullableString,
      totalPhysicalMemory: flexibleNumber,
      username: nullableString,
      dotNetVersion: nullableString,
      totalCpuCores: flexibleNumber,
    })
    .nullish(),
  nics: list(DattoNicSchema),
  bios: z
    .looseObject({
      instance: nullableString,
      releaseDate: DattoTimestampSchema,
      serialNumber: nullableString,
      smBiosVersion: nullableString,
    })
    .nullish(),
  baseBoard: z.looseObject({ manufacturer: nullableString, product: nullableString }).nullish(),
  displays: list(
    z.looseObject({
      instance: nullableString,
      screenHeight: flexibleNumber,
      screenWidth: flexibleNumber,
    }),
  ),
  logicalDisks: list(DattoLogicalDiskSchema),
  mobileInfo: list(anyRecord),
  processors: list(z.looseObject({ name: nullableString })),
  videoBoards: list(z.looseObject({ displayAdapter: nullableString })),
  attachedDevices: list(anyRecord),
  snmpInfo: anyRecord.nullish(),
  physicalMemory: list(DattoPhysicalMemorySchema),
});
export type DattoDeviceAudit = z.infer<typeof DattoDeviceAuditSchema>;

/** GET /v2/audit/esxihost/{uid}. */
export const DattoEsxiAuditSchema = z.looseObject({
  portalUrl: nullableString,
  systemInfo: anyRecord.nullish(),
  guests: list(anyRecord),
  processors: list(anyRecord),
  nics: list(anyRecord),
  physicalMemory: list(anyRecord),
  datastores: list(anyRecord),
});
export type DattoEsxiAudit = z.infer<typeof DattoEsxiAuditSchema>;

/** GET /v2/audit/printer/{uid}. */
export const DattoPrinterAuditSchema = z.looseObject({
  portalUrl: nullableString,
  snmpInfo: anyRecord.nullish(),
  printerMarkerSupplies: list(
    z.looseObject({
      description: nullableString,
      maxCapacity: z.union([z.string(), z.number()]).nullish(),
      suppliesLevel: z.union([z.string(), z.number()]).nullish(),
    }),
  ),
  printer: z.looseObject({ printedPageCount: flexibleNumber }).nullish(),
  systemInfo: anyRecord.nullish(),
  nics: list(anyRecord),
});
export type DattoPrinterAudit = z.infer<typeof DattoPrinterAuditSchema>;

/** Items of GET /v2/audit/device/{uid}/software (key `software`, API.md §8). */
export const DattoSoftwareSchema = z.looseObject({ name: nullableString, version: nullableString });
export type DattoSoftware = z.infer<typeof DattoSoftwareSchema>;
