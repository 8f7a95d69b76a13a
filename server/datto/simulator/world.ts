import { addAlert, resolveAlert } from "./generate-alerts";
import { applyJobEffects, releaseWaitingJobs } from "./jobs";
import { monitorClassesFor, OFFLINE_CLASS } from "./alert-classes";
import { intBetween, pick, rngFor } from "./prng";
import type { Tenant } from "./tenant";
import type { AlertRec, DeviceRec } from "./tenant-types";
import { AUTO_RESOLVED_BY } from "./unknowns";

/**
 * The world moves lazily: nothing runs on a timer. Before answering, the simulator replays every
 * 5-minute tick between the last one applied and the clock's now, each decided by (seed, tick).
 */
const TICK_MS = 5 * 60_000;
const MAX_TICKS_PER_CATCH_UP = 20_000;

export interface WorldState {
  lastTick: number;
  returns: Map<number, number[]>;
  autoResolve: Map<number, AlertRec[]>;
}

export function createWorld(tenant: Tenant): WorldState {
  const world: WorldState = { lastTick: 0, returns: new Map(), autoResolve: new Map() };
  for (const alert of tenant.alerts) {
    if (!alert.resolved && alert.autoResolveAt !== null) scheduleAutoResolve(tenant, world, alert);
  }
  return world;
}

const tickOf = (tenant: Tenant, at: number) => Math.ceil((at - tenant.createdAt) / TICK_MS);

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function scheduleAutoResolve(tenant: Tenant, world: WorldState, alert: AlertRec): void {
  if (alert.autoResolveAt !== null)
    push(world.autoResolve, tickOf(tenant, alert.autoResolveAt), alert);
}

export function setOnline(tenant: Tenant, device: DeviceRec, online: boolean, at: number): void {
  if (device.online === online) return;
  device.online = online;
  device.lastSeen = at;
  if (online) {
    for (const alert of tenant.alertsByDevice.get(device.idx) ?? []) {
      if (!alert.resolved && alert.ctxClass === OFFLINE_CLASS)
        resolveAlert(tenant, alert, AUTO_RESOLVED_BY, at);
    }
    releaseWaitingJobs(tenant, device, at);
  }
}

export function advanceWorld(tenant: Tenant, world: WorldState, now: number): void {
  const target = Math.floor((now - tenant.createdAt) / TICK_MS);
  if (target - world.lastTick > MAX_TICKS_PER_CATCH_UP)
    world.lastTick = target - MAX_TICKS_PER_CATCH_UP;
  for (let tick = world.lastTick + 1; tick <= target; tick++) step(tenant, world, tick);
  if (target > world.lastTick) world.lastTick = target;
  applyJobEffects(tenant, now);
}

function step(tenant: Tenant, world: WorldState, tick: number): void {
  const at = tenant.createdAt + tick * TICK_MS;
  const devices = tenant.devices;
  const rng = rngFor(tenant.seed, "tick", tick);
  for (const idx of world.returns.get(tick) ?? []) {
    const device = devices[idx];
    if (device && !device.pinned) setOnline(tenant, device, true, at);
  }
  world.returns.delete(tick);
  if (devices.length === 0) return;
  const outages = Math.floor(devices.length * 0.0015 + rng());
  for (let i = 0; i < outages; i++) {
    const device = devices[Math.floor(rng() * devices.length)];
    if (!device || device.deleted || device.pinned || !device.online) continue;
    setOnline(tenant, device, false, at);
    push(world.returns, tick + intBetween(rng, 2, 72), device.idx);
    if (device.kind !== "laptop" || rng() < 0.3) addAlert(tenant, device, at, OFFLINE_CLASS);
  }
  // New alerts stop once a quarter of the fleet has one open, so a wall left running for days
  // settles instead of drowning; most clear by themselves within a day.
  const fresh = Math.floor(devices.length * 0.001 + rng() * 1.2);
  for (let i = 0; i < fresh && tenant.openAlertCount < Math.max(10, devices.length / 4); i++) {
    const device = devices[Math.floor(rng() * devices.length)];
    if (!device || device.deleted || !device.online) continue;
    const classes = monitorClassesFor(device);
    if (classes.length === 0) continue;
    const alert = addAlert(
      tenant,
      device,
      at - intBetween(rng, 0, TICK_MS - 1),
      pick(rng, classes),
    );
    if (rng() < 0.85) {
      alert.autoResolveAt = at + intBetween(rng, 1, 288) * TICK_MS;
      scheduleAutoResolve(tenant, world, alert);
    }
  }
  for (const alert of world.autoResolve.get(tick) ?? []) {
    if (!alert.resolved) resolveAlert(tenant, alert, AUTO_RESOLVED_BY, alert.autoResolveAt ?? at);
  }
  world.autoResolve.delete(tick);
  if (tick % PRUNE_EVERY_TICKS === 0) pruneResolved(tenant, at - KEEP_RESOLVED_MS);
}

const PRUNE_EVERY_TICKS = 288;
const KEEP_RESOLVED_MS = 30 * 86_400_000;

/** Resolved alerts older than 30 days leave memory, so a long demo run stays small. */
function pruneResolved(tenant: Tenant, before: number): void {
  const gone = (a: AlertRec) => a.resolved && (a.resolvedOn ?? 0) < before;
  if (!tenant.alerts.some(gone)) return;
  tenant.alerts = tenant.alerts.filter((a) => !gone(a));
  for (const [uid, alert] of tenant.alertsByUid) if (gone(alert)) tenant.alertsByUid.delete(uid);
  for (const [idx, list] of tenant.alertsByDevice)
    tenant.alertsByDevice.set(
      idx,
      list.filter((a) => !gone(a)),
    );
}
