import {
  type AlertClass,
  monitorClassesFor,
  OFFLINE_CLASS,
  priorityFor,
  wireClassOf,
} from "./alert-classes";
import { DISK_CLEANUP, rolledOutcome } from "./components-catalog";
import { serverRoleOf } from "./hardware";
import { hash32, intBetween, pick, type Rng, rngFor, uuidFrom } from "./prng";
import type { Tenant } from "./tenant";
import type { AlertRec, DeviceRec } from "./tenant-types";
import { AUTO_RESOLVED_BY } from "./unknowns";

const MINUTE = 60_000;

/** Keeps `tenant.alerts` oldest first (unknowns.ts: ALERT_LIST_ORDER); new alerts land at the end. */
function insertByTime(list: AlertRec[], alert: AlertRec): void {
  let at = list.length;
  while (at > 0 && list[at - 1]!.timestamp > alert.timestamp) at--;
  list.splice(at, 0, alert);
}

export function addAlert(
  tenant: Tenant,
  device: DeviceRec,
  at: number,
  ctxClass: AlertClass,
  options: { knownClass?: boolean } = {},
): AlertRec {
  const n = tenant.ids.alert++;
  const seed = hash32(tenant.seed, "alert", n);
  const own = rngFor(seed);
  const createsTicket = own() < 0.3;
  const alert: AlertRec = {
    uid: uuidFrom(own),
    seed,
    deviceIdx: device.idx,
    priority: priorityFor(ctxClass, device, own()),
    ctxClass,
    wireClass: options.knownClass ? ctxClass : wireClassOf(ctxClass, seed),
    timestamp: at,
    resolved: false,
    resolvedBy: null,
    resolvedOn: null,
    autoresolveMins: own() < 0.4 ? pick(own, [15, 30, 60, 120]) : null,
    autoResolveAt: null,
    ticketNumber: createsTicket
      ? `T${20260000 + (n % 9999)}.${String(n % 1000).padStart(4, "0")}`
      : null,
    sendsEmails: own() < 0.5,
    createsTicket,
  };
  insertByTime(tenant.alerts, alert);
  tenant.openAlertCount++;
  tenant.alertsByUid.set(alert.uid, alert);
  const list = tenant.alertsByDevice.get(device.idx);
  if (list) insertByTime(list, alert);
  else tenant.alertsByDevice.set(device.idx, [alert]);
  return alert;
}

export function resolveAlert(tenant: Tenant, alert: AlertRec, by: string | null, at: number): void {
  if (!alert.resolved) tenant.openAlertCount--;
  alert.resolved = true;
  alert.resolvedBy = by;
  alert.resolvedOn = at;
  alert.autoResolveAt = null;
}

interface Planned {
  device: DeviceRec;
  at: number;
  klass: AlertClass;
  open: boolean;
}

const agentsOf = (tenant: Tenant) => tenant.devices.filter((d) => !d.deleted);

/** Open alerts as they happen: offline agents usually carry an offline alert, ~12% a monitor alert. */
function naturalOpen(tenant: Tenant, rng: Rng, now: number): Planned[] {
  const planned: Planned[] = [];
  for (const device of agentsOf(tenant)) {
    if (!device.online && device.kind !== "laptop" && rng() < 0.6)
      planned.push({ device, at: device.lastSeen + 5 * MINUTE, klass: OFFLINE_CLASS, open: true });
    if (rng() < 0.12) {
      const classes = monitorClassesFor(device);
      if (classes.length === 0) continue;
      for (let i = rng() < 0.8 ? 1 : 2; i > 0; i--) {
        const at = now - intBetween(rng, 10, 7 * 24 * 60) * MINUTE;
        planned.push({ device, at, klass: pick(rng, classes), open: true });
      }
    }
  }
  return planned;
}

/** Exactly `count` open alerts (the `openAlerts` knob), spread over the fleet by seed. */
function exactOpen(tenant: Tenant, count: number, now: number): Planned[] {
  const rng = rngFor(tenant.seed, "open-alerts", count);
  const devices = agentsOf(tenant).filter((d) => !d.online || monitorClassesFor(d).length > 0);
  const planned: Planned[] = [];
  for (let i = 0; i < count && devices.length > 0; i++) {
    const device = devices[Math.floor(rng() * devices.length)]!;
    const classes = monitorClassesFor(device);
    const offline = !device.online && (classes.length === 0 || rng() < 0.5);
    planned.push({
      device,
      at: offline
        ? device.lastSeen + intBetween(rng, 1, 10) * MINUTE
        : now - intBetween(rng, 10, 7 * 24 * 60) * MINUTE,
      klass: offline ? OFFLINE_CLASS : pick(rng, classes),
      open: true,
    });
  }
  return planned;
}

/** Resolved history of the last 30 days. */
function history(tenant: Tenant, rng: Rng, now: number): Planned[] {
  const planned: Planned[] = [];
  for (const device of agentsOf(tenant)) {
    if (rng() >= 0.25) continue;
    const classes = [OFFLINE_CLASS, ...monitorClassesFor(device)];
    for (let i = intBetween(rng, 1, 3); i > 0; i--) {
      const at = now - intBetween(rng, 60, 30 * 24 * 60) * MINUTE;
      planned.push({ device, at, klass: pick(rng, classes), open: false });
    }
  }
  return planned;
}

/**
 * The Windows server whose disk is filling up: every normal tenant with a server has one, and the
 * disk clean-up component works on it, so the demo's alert -> job -> cleared loop closes.
 */
function diskAlertServer(tenant: Tenant): DeviceRec | undefined {
  const servers = agentsOf(tenant).filter(
    (d) => d.kind === "server" && d.online && rolledOutcome(DISK_CLEANUP.uid, d.uid) === "Success",
  );
  return servers.find((d) => serverRoleOf(d) === "FS") ?? servers[0];
}

/**
 * Open and resolved alerts at build time. `openAlerts` fixes how many are open (benches); without
 * it the count follows the fleet. Either way one Windows server has an open disk-space alert.
 */
export function seedAlerts(tenant: Tenant, rng: Rng, now: number, openAlerts?: number): void {
  const server = openAlerts === 0 ? undefined : diskAlertServer(tenant);
  const wanted = openAlerts === undefined ? undefined : openAlerts - (server ? 1 : 0);
  const open =
    wanted === undefined ? naturalOpen(tenant, rng, now) : exactOpen(tenant, wanted, now);
  const planned = [...open, ...history(tenant, rng, now)].sort((a, b) => a.at - b.at);
  for (const entry of planned) {
    const alert = addAlert(tenant, entry.device, entry.at, entry.klass);
    const offlineButBack = entry.klass === OFFLINE_CLASS && entry.device.online;
    if (!entry.open || offlineButBack) {
      const by =
        offlineButBack || rng() < 0.5
          ? AUTO_RESOLVED_BY
          : `${pick(rng, ["jsmith", "mgarcia", "tlee", "apatel"])}@northbridge-msp.example`;
      const after = offlineButBack ? intBetween(rng, 5, 600) : intBetween(rng, 5, 2 * 24 * 60);
      resolveAlert(tenant, alert, by, Math.min(now, entry.at + after * MINUTE));
    } else if (wanted === undefined && alert.autoresolveMins !== null && rng() < 0.5) {
      alert.autoResolveAt = Math.max(now + MINUTE, entry.at + alert.autoresolveMins * MINUTE);
    }
  }
  if (server) {
    const alert = addAlert(tenant, server, now - 2 * 60 * MINUTE, "perf_disk_usage_ctx", {
      knownClass: true,
    });
    alert.priority = "High";
  }
}
