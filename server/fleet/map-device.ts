import type { DeviceRow } from "../contract/devices";
import type { DeviceDetail, UdfField } from "../contract/devices";
import type { Freshness } from "../contract/freshness";
import type { UdfLabels } from "../contract/views";
import type { DattoDevice } from "../datto/schemas/device";
import { emptyAlertCounts } from "./alert-counts";

/** Keeps only non-empty UDFs: the wire lists all 300, mostly null (API.md §6). */
function compactUdf(udf: DattoDevice["udf"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(udf ?? {})) {
    if (value.trim() !== "" && /^udf\d+$/.test(key)) out[key] = value;
  }
  return out;
}

/** Datto device -> our row. Missing names fall back to something a person can still act on. */
export function mapDeviceRow(
  d: DattoDevice,
  site?: { uid: string; name: string },
  openAlerts = emptyAlertCounts(),
): DeviceRow {
  return {
    uid: d.uid,
    hostname: d.hostname || d.uid,
    siteUid: d.siteUid ?? site?.uid ?? "",
    siteName: d.siteName ?? site?.name ?? "",
    deviceClass: d.deviceClass ?? "unknown",
    deviceType: { category: d.deviceType?.category ?? null, type: d.deviceType?.type ?? null },
    operatingSystem: d.operatingSystem ?? null,
    online: d.online ?? false,
    lastSeen: d.lastSeen,
    lastReboot: d.lastReboot,
    lastAuditDate: d.lastAuditDate,
    lastLoggedInUser: d.lastLoggedInUser ?? null,
    intIpAddress: d.intIpAddress ?? null,
    extIpAddress: d.extIpAddress ?? null,
    description: d.description ?? null,
    domain: d.domain ?? null,
    rebootRequired: d.rebootRequired ?? false,
    suspended: d.suspended ?? false,
    patchStatus: d.patchManagement?.patchStatus ?? null,
    antivirusStatus: d.antivirus?.antivirusStatus ?? null,
    antivirusProduct: d.antivirus?.antivirusProduct ?? null,
    warrantyDate: d.warrantyDate ?? null,
    udf: compactUdf(d.udf),
    openAlerts,
  };
}

export function labelledUdfs(udf: Record<string, string>, labels: UdfLabels): UdfField[] {
  return Object.entries(udf)
    .map(([key, value]) => ({
      key,
      index: Number(key.slice(3)),
      label: labels[key] ?? null,
      value,
    }))
    .sort((a, b) => a.index - b.index);
}

/**
 * Row fields are copied one by one rather than spread: `{ ...row, portalUrl, ... }` leaves V8 with
 * a slow (dictionary) object, which cost ~20 µs to build and ~20 µs more to serialise on every
 * GET /api/devices/:uid (measured; docs/decisions/0005-request-overhead.md).
 */
export function mapDeviceDetail(
  d: DattoDevice,
  row: DeviceRow,
  labels: UdfLabels,
  freshness: Freshness,
): DeviceDetail {
  return {
    uid: row.uid,
    hostname: row.hostname,
    siteUid: row.siteUid,
    siteName: row.siteName,
    deviceClass: row.deviceClass,
    deviceType: row.deviceType,
    operatingSystem: row.operatingSystem,
    online: row.online,
    lastSeen: row.lastSeen,
    lastReboot: row.lastReboot,
    lastAuditDate: row.lastAuditDate,
    lastLoggedInUser: row.lastLoggedInUser,
    intIpAddress: row.intIpAddress,
    extIpAddress: row.extIpAddress,
    description: row.description,
    domain: row.domain,
    rebootRequired: row.rebootRequired,
    suspended: row.suspended,
    patchStatus: row.patchStatus,
    antivirusStatus: row.antivirusStatus,
    antivirusProduct: row.antivirusProduct,
    warrantyDate: row.warrantyDate,
    udf: row.udf,
    openAlerts: row.openAlerts,
    portalUrl: d.portalUrl ?? null,
    webRemoteUrl: d.webRemoteUrl ?? null,
    a64Bit: d.a64Bit ?? null,
    cagVersion: d.cagVersion ?? null,
    displayVersion: d.displayVersion ?? null,
    creationDate: d.creationDate,
    patches: {
      approvedPending: d.patchManagement?.patchesApprovedPending ?? null,
      notApproved: d.patchManagement?.patchesNotApproved ?? null,
      installed: d.patchManagement?.patchesInstalled ?? null,
    },
    udfFields: labelledUdfs(row.udf, labels),
    freshness,
  };
}
