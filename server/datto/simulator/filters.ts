import type { Tenant } from "./tenant";
import type { DeviceRec } from "./tenant-types";
import { isoInstant } from "./wire-dates";

/** Datto saved device filters (default, custom, per site), usable as `filterId` on device lists. */
interface FilterDef {
  id: number;
  name: string;
  description: string | null;
  type: "rmm_default" | "custom" | "site";
  siteIdx: number | null;
  dateCreate: number;
  lastUpdated: number | null;
  match: (device: DeviceRec, now: number) => boolean;
}

const DAY = 86_400_000;
const isWinServer = (d: DeviceRec) => d.os.includes("Windows Server");
const isWinClient = (d: DeviceRec) => d.os.startsWith("Microsoft Windows") && !isWinServer(d);
const offlineOver30Days = (d: DeviceRec, now: number) => !d.online && now - d.lastSeen > 30 * DAY;

type Def = [number, string, string | null, FilterDef["match"]];

const DEFAULTS: Def[] = [
  [1001, "All Windows Servers", "Devices running a Windows Server OS", isWinServer],
  [1002, "All Windows Desktops and Laptops", null, isWinClient],
  [1003, "All Mac Devices", null, (d) => d.os.startsWith("macOS")],
  [1004, "All Linux Devices", null, (d) => d.os.startsWith("Ubuntu")],
  [1005, "Offline for more than 30 days", null, offlineOver30Days],
  [1006, "Reboot Required", "Devices that need a restart", (d) => d.rebootRequired],
  [1007, "No Antivirus Detected", null, (d) => d.antivirusStatus === "NotDetected"],
  [1008, "Printers", null, (d) => d.deviceClass === "printer"],
  [1009, "ESXi Hosts", null, (d) => d.deviceClass === "esxihost"],
  [1010, "Network Devices", null, (d) => d.deviceClass === "rmmnetworkdevice"],
];

const CUSTOM: Def[] = [
  [5001, "Windows servers", "Custom: every Windows Server, online or not", isWinServer],
  [5002, "Offline > 30 days", "Custom: candidates for clean-up", offlineOver30Days],
  [5003, "Reboot required", "Custom: pending restarts", (d) => d.rebootRequired],
  [5004, "Gold contract", "Custom: UDF1 = Gold", (d) => d.udf.udf1 === "Gold"],
  [5005, "Patch install errors", null, (d) => d.patchStatus === "InstallError"],
];

const SITE_FILTER_BASE = 900_000;

export function defaultFilters(tenant: Tenant): FilterDef[] {
  return DEFAULTS.map(([id, name, description, match]) => ({
    id,
    name,
    description,
    type: "rmm_default",
    siteIdx: null,
    dateCreate: tenant.createdAt - 900 * DAY,
    lastUpdated: null,
    match,
  }));
}

export function customFilters(tenant: Tenant): FilterDef[] {
  return CUSTOM.map(([id, name, description, match], i) => ({
    id,
    name,
    description,
    type: "custom",
    siteIdx: null,
    dateCreate: tenant.createdAt - (200 - i * 20) * DAY,
    lastUpdated: i % 2 === 0 ? tenant.createdAt - (30 - i) * DAY : null,
    match,
  }));
}

export function siteFilter(tenant: Tenant, siteIdx: number): FilterDef | undefined {
  const site = tenant.sites[siteIdx];
  if (!site || site.isDeletedDevices) return undefined;
  return {
    id: SITE_FILTER_BASE + siteIdx,
    name: `${site.name}: servers`,
    description: "Site filter: servers of this site",
    type: "site",
    siteIdx,
    dateCreate: tenant.createdAt - 120 * DAY,
    lastUpdated: null,
    match: (d) => d.siteIdx === siteIdx && isWinServer(d),
  };
}

export function findFilter(tenant: Tenant, id: number): FilterDef | undefined {
  if (id >= SITE_FILTER_BASE) return siteFilter(tenant, id - SITE_FILTER_BASE);
  return [...defaultFilters(tenant), ...customFilters(tenant)].find((f) => f.id === id);
}

export function filterToWire(filter: FilterDef) {
  return {
    id: filter.id,
    name: filter.name,
    description: filter.description,
    type: filter.type,
    dateCreate: isoInstant(filter.dateCreate),
    lastUpdated: filter.lastUpdated === null ? null : isoInstant(filter.lastUpdated),
  };
}
