import { alertContext, alertsOnDisk, diagnosticsFor, lowDiskOf } from "./alert-contexts";
import { PROFILES } from "./device-profiles";
import { deviceAudit, GB } from "./hardware";
import { siteOfDevice, type Tenant } from "./tenant";
import type { AlertRec, DeviceRec, SiteRec } from "./tenant-types";
import { isoInstant } from "./wire-dates";

const PORTAL = "https://sim.centrastage.test/csm";

export const devicePortalUrl = (d: DeviceRec) => `${PORTAL}/search?qs=uid%3A${d.uid}`;
const webRemoteUrl = (d: DeviceRec) =>
  d.deviceClass === "device" ? `${PORTAL}/remote/rto/${d.id}` : null;

/**
 * GET /v2/audit/device/{uid} of a `device`-class machine. While a disk-space alert is open, the
 * audit shows that disk as full as the alert says.
 */
export function auditOf(tenant: Tenant, device: DeviceRec) {
  const audit = deviceAudit(device, devicePortalUrl(device), webRemoteUrl(device));
  for (const disk of audit.logicalDisks) {
    const [alert] = alertsOnDisk(tenant, device, disk.diskIdentifier);
    if (alert) disk.freespace = Math.round(lowDiskOf(alert, device).freeGb * GB);
  }
  return audit;
}

const UDF_COUNT = 300;
const EMPTY_UDF: Record<string, string | null> = Object.fromEntries(
  Array.from({ length: UDF_COUNT }, (_, i) => [`udf${i + 1}`, null]),
);

export function devicesStatus(tenant: Tenant, deviceIdx: readonly number[]) {
  let online = 0;
  let total = 0;
  for (const idx of deviceIdx) {
    const d = tenant.devices[idx];
    if (!d) continue;
    total++;
    if (d.online) online++;
  }
  return {
    numberOfDevices: total,
    numberOfOnlineDevices: online,
    numberOfOfflineDevices: total - online,
  };
}

export function siteToWire(tenant: Tenant, site: SiteRec) {
  return {
    id: site.id,
    uid: site.uid,
    accountUid: tenant.account.uid,
    name: site.name,
    description: site.description,
    notes: site.notes,
    onDemand: site.onDemand,
    splashtopAutoInstall: site.splashtopAutoInstall,
    proxySettings: site.proxy,
    devicesStatus: devicesStatus(tenant, site.deviceIdx),
    autotaskCompanyName: site.autotaskCompanyName,
    autotaskCompanyId: site.autotaskCompanyId,
    portalUrl: `${PORTAL}/profile/summary/${site.id}`,
  };
}

/** Online agents check in every minute or so; the stored value is when an offline one was last seen. */
function lastSeenOf(device: DeviceRec, now: number): number {
  return device.online
    ? Math.max(device.lastSeen, now - (device.seed % 90) * 1000)
    : device.lastSeen;
}

/** Online agents audit about daily, so the date keeps up with a long-running demo. */
function auditDateOf(device: DeviceRec, now: number): number | null {
  if (device.lastAuditDate === null || !device.online) return device.lastAuditDate;
  return Math.max(device.lastAuditDate, now - (device.seed % 86_400_000));
}

export function deviceToWire(tenant: Tenant, device: DeviceRec, now: number) {
  const site = siteOfDevice(tenant, device);
  return {
    id: device.id,
    uid: device.uid,
    siteId: site.id,
    siteUid: site.uid,
    siteName: site.name,
    deviceType: deviceTypeOf(device),
    hostname: device.hostname,
    intIpAddress: device.intIp,
    // Printers and network devices report no OS.
    operatingSystem: device.os === "" ? null : device.os,
    lastLoggedInUser: device.lastLoggedInUser,
    domain: device.domain,
    cagVersion: device.cagVersion,
    displayVersion: device.displayVersion,
    extIpAddress: device.extIp,
    description: device.description,
    a64Bit: device.a64Bit,
    rebootRequired: device.rebootRequired,
    online: device.online,
    suspended: device.suspended,
    deleted: device.deleted,
    lastSeen: lastSeenOf(device, now),
    lastReboot: device.lastReboot,
    lastAuditDate: auditDateOf(device, now),
    creationDate: device.creationDate,
    udf: { ...EMPTY_UDF, ...device.udf },
    snmpEnabled: device.snmpEnabled,
    deviceClass: device.deviceClass,
    portalUrl: devicePortalUrl(device),
    warrantyDate: device.warrantyDate,
    antivirus: {
      antivirusProduct: device.antivirusProduct,
      antivirusStatus: device.antivirusStatus,
    },
    patchManagement: {
      patchStatus: device.patchStatus,
      patchesApprovedPending: device.patchesApprovedPending,
      patchesNotApproved: device.patchesNotApproved,
      patchesInstalled: device.patchesInstalled,
    },
    softwareStatus: device.softwareStatus,
    webRemoteUrl: webRemoteUrl(device),
    networkProbe: device.networkProbe,
    onboardedViaNetworkMonitor: device.onboardedViaNetworkMonitor,
  };
}

export const deviceTypeOf = (device: DeviceRec) => ({ ...PROFILES[device.kind].deviceType });

export function alertToWire(tenant: Tenant, alert: AlertRec) {
  const device = tenant.devices[alert.deviceIdx];
  const site = device ? siteOfDevice(tenant, device) : undefined;
  const actions: Array<Record<string, unknown>> = [];
  if (alert.sendsEmails) {
    actions.push({
      actionTime: isoInstant(alert.timestamp + 2000),
      actionType: "EMAIL_SENT",
      description: "Alert email sent to noc@northbridge-msp.example",
      actionReference: null,
    });
  }
  if (alert.ticketNumber) {
    actions.push({
      actionTime: isoInstant(alert.timestamp + 4000),
      actionType: "TICKET_CREATED",
      description: `Ticket ${alert.ticketNumber} created`,
      actionReference: alert.ticketNumber,
    });
  }
  return {
    alertUid: alert.uid,
    priority: alert.priority,
    diagnostics: diagnosticsFor(alert, device),
    resolved: alert.resolved,
    resolvedBy: alert.resolvedBy,
    resolvedOn: alert.resolvedOn,
    muted: false,
    ticketNumber: alert.ticketNumber,
    timestamp: alert.timestamp,
    alertMonitorInfo: { sendsEmails: alert.sendsEmails, createsTicket: alert.createsTicket },
    alertContext: alertContext(alert, device),
    alertSourceInfo: {
      deviceUid: device?.uid ?? null,
      deviceName: device?.hostname ?? null,
      siteUid: site?.uid ?? null,
      siteName: site?.name ?? null,
    },
    responseActions: actions,
    autoresolveMins: alert.autoresolveMins,
  };
}
