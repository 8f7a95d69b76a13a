import { classesFor, priorityFor } from "./alert-contexts";
import { hash32, intBetween, pick, type Rng, rngFor, uuidFrom } from "./prng";
import type { Tenant } from "./tenant";
import type { AlertRec, DeviceRec } from "./tenant-types";
import { AUTO_RESOLVED_BY } from "./unknowns";

const MINUTE = 60_000;

export function addAlert(
  tenant: Tenant,
  device: DeviceRec,
  at: number,
  ctxClass: string | null,
  rng: Rng,
): AlertRec {
  const n = tenant.ids.alert++;
  const seed = hash32(tenant.seed, "alert", n);
  const own = rngFor(seed);
  const klass = ctxClass ?? pick(rng, classesFor(device.kind));
  const createsTicket = own() < 0.3;
  const alert: AlertRec = {
    uid: uuidFrom(own),
    seed,
    deviceIdx: device.idx,
    priority: priorityFor(klass, device.kind, own()),
    ctxClass: klass,
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
  tenant.alerts.push(alert);
  tenant.openAlertCount++;
  tenant.alertsByUid.set(alert.uid, alert);
  const list = tenant.alertsByDevice.get(device.idx);
  if (list) list.push(alert);
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

/** Open and resolved history at build time: offline agents usually carry an offline alert. */
export function seedAlerts(tenant: Tenant, rng: Rng, now: number): void {
  const history: Array<{ device: DeviceRec; at: number; klass: string | null; open: boolean }> = [];
  for (const device of tenant.devices) {
    if (device.deleted) continue;
    if (!device.online && device.kind !== "laptop" && rng() < 0.6) {
      history.push({
        device,
        at: device.lastSeen + 5 * MINUTE,
        klass: "online_offline_status_ctx",
        open: true,
      });
    }
    if (rng() < 0.12) {
      const count = rng() < 0.8 ? 1 : 2;
      for (let i = 0; i < count; i++)
        history.push({
          device,
          at: now - intBetween(rng, 10, 7 * 24 * 60) * MINUTE,
          klass: null,
          open: true,
        });
    }
    if (rng() < 0.25) {
      const count = intBetween(rng, 1, 3);
      for (let i = 0; i < count; i++)
        history.push({
          device,
          at: now - intBetween(rng, 60, 30 * 24 * 60) * MINUTE,
          klass: null,
          open: false,
        });
    }
  }
  history.sort((a, b) => a.at - b.at);
  for (const entry of history) {
    const alert = addAlert(tenant, entry.device, entry.at, entry.klass, rng);
    if (alert.ctxClass === "online_offline_status_ctx" && entry.device.online) {
      resolveAlert(
        tenant,
        alert,
        AUTO_RESOLVED_BY,
        Math.min(now, entry.at + intBetween(rng, 5, 600) * MINUTE),
      );
    } else if (!entry.open) {
      const by =
        rng() < 0.5
          ? AUTO_RESOLVED_BY
          : `${pick(rng, ["jsmith", "mgarcia", "tlee", "apatel"])}@northbridge-msp.example`;
      resolveAlert(
        tenant,
        alert,
        by,
        Math.min(now, entry.at + intBetween(rng, 5, 2 * 24 * 60) * MINUTE),
      );
    } else if (alert.autoresolveMins !== null && rng() < 0.5) {
      alert.autoResolveAt = Math.max(now + MINUTE, entry.at + alert.autoresolveMins * MINUTE);
    }
  }
}
