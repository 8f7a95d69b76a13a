import { generateDevice, type HostCounters } from "./generate-devices";
import { generateSites, siteSizes } from "./generate-sites";
import { seedAlerts } from "./generate-alerts";
import { hash32, intBetween, mulberry32, pick, uuidFrom } from "./prng";
import type { AlertRec, DeviceKind, DeviceRec, SiteRec, VariableRec } from "./tenant-types";

interface AccountRec {
  id: number;
  uid: string;
  name: string;
  currency: string;
  billingEmail: string;
  deviceLimit: number;
  timeZone: string;
}

export interface JobRec {
  id: number;
  uid: string;
  name: string;
  createdAt: number;
  deviceIdx: number;
  componentUid: string;
  variables: Array<{ name: string; value: string }>;
  /** When the device picked the job up; null while it waits for an offline device. */
  startAt: number | null;
}

export interface ActivityRec {
  id: string;
  at: number;
  entity: "DEVICE" | "USER";
  category: string;
  action: string;
  deviceIdx: number | null;
  details: Record<string, unknown>;
}

export interface Tenant {
  seed: number;
  createdAt: number;
  account: AccountRec;
  apiUserName: string;
  sites: SiteRec[];
  devices: DeviceRec[];
  alerts: AlertRec[];
  openAlertCount: number;
  alertsByUid: Map<string, AlertRec>;
  alertsByDevice: Map<number, AlertRec[]>;
  deviceByUid: Map<string, number>;
  deviceById: Map<number, number>;
  siteByUid: Map<string, number>;
  jobs: Map<string, JobRec>;
  waitingJobs: Map<number, JobRec[]>;
  /** Jobs whose end changes the tenant (a disk clean-up clears its disk alert), until applied. */
  jobsWithEffects: JobRec[];
  activities: ActivityRec[];
  accountVariables: VariableRec[];
  ids: { site: number; device: number; alert: number; job: number; variable: number };
}

const DAY = 86_400_000;
const EVERY_KIND: readonly DeviceKind[] = ["server", "mac", "linux", "printer", "network", "esxi"];

export function buildTenant(
  seed: number,
  deviceCount: number,
  now: number,
  openAlerts?: number,
): Tenant {
  const rng = mulberry32(hash32(seed, "tenant"));
  const siteCount = deviceCount === 0 ? 0 : Math.max(3, Math.round(deviceCount / 40));
  const deletedCount = deviceCount >= 20 ? Math.max(1, Math.floor(deviceCount * 0.01)) : 0;
  const sites = generateSites(rng, siteCount, 1000 + (seed % 1000) * 10);
  const ids = { site: 90_000, device: 4_100_000, alert: 1, job: 7_700_000, variable: 500 };
  const ctx = { rng, seed, now, nextId: () => ids.device++ };
  const devices: DeviceRec[] = [];
  const sizes = siteSizes(rng, deviceCount - deletedCount, siteCount);
  const counters: HostCounters[] = sites.map(() => new Map());
  // The biggest site holds one of every kind, so even a small demo tenant shows every class.
  const showcase = sizes.indexOf(Math.max(...sizes));
  sizes.forEach((size, siteIdx) => {
    const site = sites[siteIdx]!;
    const dcs = size >= 150 ? 2 : size >= 12 ? 1 : 0;
    const placed = siteIdx === showcase && size >= dcs + EVERY_KIND.length * 2 ? EVERY_KIND : [];
    for (let i = 0; i < size; i++) {
      const kind = i < dcs ? "dc" : (placed[i - dcs] ?? null);
      const device = generateDevice(ctx, site, siteIdx, devices.length, kind, counters[siteIdx]!);
      site.deviceIdx.push(device.idx);
      devices.push(device);
    }
  });
  const deletedSiteIdx = sites.length - 1;
  const deletedSite = sites[deletedSiteIdx]!;
  for (let i = 0; i < deletedCount; i++) {
    const originIdx = intBetween(rng, 0, Math.max(0, siteCount - 1));
    const origin = sites[originIdx]!;
    // A third were re-enrolled: the old agent sits in Deleted Devices under the name the new one
    // uses, the one duplicate hostname a real account has. The rest keep names of their own.
    const reenrolled = origin.deviceIdx.length > 0 && rng() < 0.33;
    const twin = reenrolled ? devices[pick(rng, origin.deviceIdx)] : undefined;
    const device = generateDevice(
      ctx,
      origin,
      deletedSiteIdx,
      devices.length,
      twin?.kind ?? null,
      counters[originIdx]!,
      twin?.hostname,
    );
    device.deleted = true;
    device.online = false;
    device.lastSeen = now - intBetween(rng, 40, 400) * DAY;
    device.lastReboot =
      device.lastReboot === null ? null : device.lastSeen - intBetween(rng, 1, 30) * DAY;
    device.lastAuditDate =
      device.lastAuditDate === null ? null : device.lastSeen - intBetween(rng, 1, 20) * 3_600_000;
    device.extIp = deletedSite.extIp;
    deletedSite.deviceIdx.push(device.idx);
    devices.push(device);
  }
  const tenant: Tenant = {
    seed,
    createdAt: now,
    account: {
      id: 3000 + (seed % 1000),
      uid: uuidFrom(mulberry32(hash32(seed, "account"))),
      name: "Northbridge Managed Services",
      currency: "USD",
      billingEmail: "billing@northbridge-msp.example",
      deviceLimit: Math.max(100, Math.ceil((deviceCount * 1.2) / 100) * 100),
      timeZone: "America/New_York",
    },
    apiUserName: "rmm-deck-api",
    sites,
    devices,
    alerts: [],
    openAlertCount: 0,
    alertsByUid: new Map(),
    alertsByDevice: new Map(),
    deviceByUid: new Map(devices.map((d) => [d.uid, d.idx])),
    deviceById: new Map(devices.map((d) => [d.id, d.idx])),
    siteByUid: new Map(sites.map((s, i) => [s.uid, i])),
    jobs: new Map(),
    waitingJobs: new Map(),
    jobsWithEffects: [],
    activities: [],
    accountVariables: [
      { id: ids.variable++, name: "MSPName", value: "Northbridge Managed Services", masked: false },
      { id: ids.variable++, name: "TempRetentionDays", value: "14", masked: false },
      { id: ids.variable++, name: "LocalAdminPassword", value: "not-a-real-secret", masked: true },
    ],
    ids,
  };
  sites.forEach((site, i) => {
    if (i % 3 === 0 && !site.isDeletedDevices)
      site.variables.push({
        id: ids.variable++,
        name: "BackupTarget",
        value: `\\\\${site.hostPrefix}-FS01\\Backups`,
        masked: false,
      });
  });
  seedAlerts(tenant, rng, now, openAlerts);
  return tenant;
}

export function siteOfDevice(tenant: Tenant, device: DeviceRec): SiteRec {
  const site = tenant.sites[device.siteIdx];
  if (!site) throw new Error(`device ${device.uid} has no site`);
  return site;
}

export function findDevice(tenant: Tenant, uid: string): DeviceRec | undefined {
  const idx = tenant.deviceByUid.get(uid);
  return idx === undefined ? undefined : tenant.devices[idx];
}

export function findSite(tenant: Tenant, uid: string): SiteRec | undefined {
  const idx = tenant.siteByUid.get(uid);
  return idx === undefined ? undefined : tenant.sites[idx];
}
