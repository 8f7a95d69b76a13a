import { z } from "zod";
import {
  anyRecord,
  DattoTimestampSchema,
  flexibleNumber,
  nullableBoolean,
  nullableString,
} from "./common";

const DattoDeviceTypeSchema = z.looseObject({
  category: nullableString,
  type: nullableString,
});

const DattoAntivirusSchema = z.looseObject({
  antivirusProduct: nullableString,
  /** RunningAndUpToDate | RunningAndNotUpToDate | NotRunning | NotDetected; kept as text. */
  antivirusStatus: nullableString,
});

const DattoPatchManagementSchema = z.looseObject({
  /** NoPolicy | NoData | RebootRequired | InstallError | ApprovedPending | FullyPatched. */
  patchStatus: nullableString,
  patchesApprovedPending: flexibleNumber,
  patchesNotApproved: flexibleNumber,
  patchesInstalled: flexibleNumber,
});

/**
 * UDFs: udf1..udf300 (30 before Datto RMM 14.9), nested, mostly null. Only filled ones are kept,
 * as text. Normalised by hand rather than by a zod record: a per-key zod pass over 300 keys cost
 * ~170 µs a device, 8 s of CPU for a 50,000-device walk (measured; see docs/decisions).
 */
const DattoUdfSchema = z
  .unknown()
  .optional()
  .transform((raw): Record<string, string> => {
    const out: Record<string, string> = {};
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return out;
    const record = raw as Record<string, unknown>;
    // for..in over own keys: a third of the cost of Object.entries over 300 keys (0005).
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (value === null || value === undefined || value === "") continue;
      out[key] = typeof value === "string" ? value : String(value);
    }
    return out;
  });

/** GET /v2/device/{uid} and the items of the device lists (API.md §6). */
export const DattoDeviceSchema = z.looseObject({
  id: flexibleNumber,
  uid: z.string(),
  siteId: flexibleNumber,
  siteUid: nullableString,
  siteName: nullableString,
  deviceType: DattoDeviceTypeSchema.nullish(),
  hostname: nullableString,
  intIpAddress: nullableString,
  extIpAddress: nullableString,
  operatingSystem: nullableString,
  lastLoggedInUser: nullableString,
  domain: nullableString,
  cagVersion: nullableString,
  displayVersion: nullableString,
  description: nullableString,
  a64Bit: nullableBoolean,
  rebootRequired: nullableBoolean,
  online: nullableBoolean,
  suspended: nullableBoolean,
  deleted: nullableBoolean,
  lastSeen: DattoTimestampSchema,
  lastReboot: DattoTimestampSchema,
  lastAuditDate: DattoTimestampSchema,
  creationDate: DattoTimestampSchema,
  udf: DattoUdfSchema,
  snmpEnabled: nullableBoolean,
  /** device | printer | esxihost | rmmnetworkdevice | unknown; kept as text for future classes. */
  deviceClass: nullableString,
  portalUrl: nullableString,
  webRemoteUrl: nullableString,
  /** A yyyy-mm-dd string, not a timestamp (API.md §6). */
  warrantyDate: nullableString,
  antivirus: DattoAntivirusSchema.nullish(),
  patchManagement: DattoPatchManagementSchema.nullish(),
  softwareStatus: nullableString,
  networkProbe: nullableBoolean,
  onboardedViaNetworkMonitor: nullableBoolean,
});
export type DattoDevice = z.infer<typeof DattoDeviceSchema>;

/** Items of GET /v2/site/{uid}/devices/network-interface: short devices with their NICs. */
export const DattoDeviceNetworkInterfaceSchema = z.looseObject({
  id: flexibleNumber,
  uid: z.string(),
  hostname: nullableString,
  intIpAddress: nullableString,
  extIpAddress: nullableString,
  nics: z.array(anyRecord).nullish(),
});
