import type { AlertClass } from "./alert-classes";

/** In-memory records of the simulated tenant. Wire shapes are built from these on demand. */
export type DeviceClass = "device" | "printer" | "esxihost" | "rmmnetworkdevice";
export type DeviceKind =
  "desktop" | "laptop" | "server" | "dc" | "mac" | "linux" | "printer" | "esxi" | "network";

interface ProxySettingsRec {
  host: string;
  port: number;
  type: "http" | "socks4" | "socks5";
  username: string | null;
}

export interface VariableRec {
  id: number;
  name: string;
  value: string;
  masked: boolean;
}

export interface SiteRec {
  id: number;
  uid: string;
  name: string;
  description: string | null;
  notes: string | null;
  onDemand: boolean;
  splashtopAutoInstall: boolean;
  proxy: ProxySettingsRec | null;
  autotaskCompanyName: string | null;
  autotaskCompanyId: string | null;
  isDeletedDevices: boolean;
  hostPrefix: string;
  domain: string | null;
  extIp: string;
  variables: VariableRec[];
  deviceIdx: number[];
}

export interface DeviceRec {
  idx: number;
  id: number;
  uid: string;
  seed: number;
  siteIdx: number;
  kind: DeviceKind;
  deviceClass: DeviceClass;
  hostname: string;
  os: string;
  intIp: string;
  extIp: string;
  mac: string;
  lastLoggedInUser: string | null;
  domain: string | null;
  cagVersion: string | null;
  displayVersion: string | null;
  description: string | null;
  a64Bit: boolean;
  rebootRequired: boolean;
  online: boolean;
  suspended: boolean;
  deleted: boolean;
  lastSeen: number;
  lastReboot: number | null;
  lastAuditDate: number | null;
  creationDate: number;
  /** Only the filled UDFs; the wire object lists all 300 (API.md §6). */
  udf: Record<string, string>;
  snmpEnabled: boolean;
  warrantyDate: string | null;
  antivirusProduct: string | null;
  antivirusStatus:
    "RunningAndUpToDate" | "RunningAndNotUpToDate" | "NotRunning" | "NotDetected" | null;
  patchStatus:
    | "NoPolicy"
    | "NoData"
    | "RebootRequired"
    | "InstallError"
    | "ApprovedPending"
    | "FullyPatched"
    | null;
  patchesApprovedPending: number | null;
  patchesNotApproved: number | null;
  patchesInstalled: number | null;
  softwareStatus: string | null;
  networkProbe: boolean;
  onboardedViaNetworkMonitor: boolean;
  /** Set by the control surface: the world's random outages leave this device alone. */
  pinned: boolean;
}

export type AlertPriority = "Critical" | "High" | "Moderate" | "Low" | "Information" | "Unknown";

export interface AlertRec {
  uid: string;
  seed: number;
  deviceIdx: number;
  priority: AlertPriority;
  ctxClass: AlertClass;
  /** The "@class" on the wire: ctxClass, or now and then a class no client knows (unknowns.ts). */
  wireClass: string;
  timestamp: number;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedOn: number | null;
  autoresolveMins: number | null;
  /** When the world resolves it by itself (epoch ms), if ever. */
  autoResolveAt: number | null;
  ticketNumber: string | null;
  sendsEmails: boolean;
  createsTicket: boolean;
}
