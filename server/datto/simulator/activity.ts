import { FIRST_NAMES, LAST_NAMES } from "./names";
import { hash32, intBetween, pick, rngFor } from "./prng";
import type { ActivityRec, Tenant } from "./tenant";

const MAX_RECORDED = 10_000;
const BUCKET_MS = 60_000;

/** Writes through the API leave a trace in the activity log, like Datto's audit trail. */
export function recordActivity(tenant: Tenant, rec: Omit<ActivityRec, "id">): void {
  tenant.activities.push({
    ...rec,
    id: `rec-${hash32(tenant.seed, rec.at, tenant.activities.length).toString(36)}`,
  });
  if (tenant.activities.length > MAX_RECORDED)
    tenant.activities.splice(0, tenant.activities.length - MAX_RECORDED);
}

/** Background activity (logins, remote sessions, audits) derived from (seed, minute). */
function synthetic(tenant: Tenant, from: number, until: number): ActivityRec[] {
  const out: ActivityRec[] = [];
  if (tenant.devices.length === 0) return out;
  for (let bucket = Math.floor(from / BUCKET_MS); bucket * BUCKET_MS <= until; bucket++) {
    const rng = rngFor(tenant.seed, "activity", bucket);
    const count = intBetween(rng, 0, 3);
    for (let i = 0; i < count; i++) {
      const at = bucket * BUCKET_MS + intBetween(rng, 0, BUCKET_MS - 1);
      if (at < from || at > until) continue;
      const device = tenant.devices[Math.floor(rng() * tenant.devices.length)]!;
      const kind = pick(rng, ["login", "remote", "audit"] as const);
      const user = `${pick(rng, FIRST_NAMES)[0]}${pick(rng, LAST_NAMES)}`;
      out.push(
        kind === "login"
          ? {
              id: `syn-${bucket}-${i}`,
              at,
              entity: "USER",
              category: "user",
              action: "login",
              deviceIdx: null,
              details: { userName: user, ip: "198.51.100.23" },
            }
          : {
              id: `syn-${bucket}-${i}`,
              at,
              entity: "DEVICE",
              category: kind === "remote" ? "remote" : "device",
              action: kind === "remote" ? "session.start" : "audit.completed",
              deviceIdx: device.idx,
              details: kind === "remote" ? { tool: "Web Remote", userName: user } : {},
            },
      );
    }
  }
  return out;
}

export function activitiesBetween(tenant: Tenant, from: number, until: number): ActivityRec[] {
  const recorded = tenant.activities.filter((a) => a.at >= from && a.at <= until);
  return [...recorded, ...synthetic(tenant, from, until)].sort(
    (a, b) => a.at - b.at || a.id.localeCompare(b.id),
  );
}

export function activityToWire(tenant: Tenant, a: ActivityRec) {
  const device = a.deviceIdx === null ? undefined : tenant.devices[a.deviceIdx];
  const site = device ? tenant.sites[device.siteIdx] : undefined;
  const userName = typeof a.details.userName === "string" ? a.details.userName : tenant.apiUserName;
  return {
    id: a.id,
    entity: a.entity,
    category: a.category,
    action: a.action,
    // The one timestamp in seconds (with a fraction) rather than epoch ms, per the spec's example.
    date: a.at / 1000,
    site: site ? { id: site.id, name: site.name } : null,
    deviceId: device?.id ?? null,
    hostname: device?.hostname ?? null,
    user: { id: hash32(userName) % 100_000, userName, firstName: null, lastName: null },
    details: JSON.stringify(a.details),
    hasStdOut: false,
    hasStdErr: false,
  };
}
