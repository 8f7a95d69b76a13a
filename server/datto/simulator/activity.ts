import type { SearchDoc } from "./activity-search";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { hash32, intBetween, pick, rngFor, uuidFrom } from "./prng";
import type { ActivityRec, Tenant } from "./tenant";
import { ACTIVITY_SEARCH_FIELDS } from "./unknowns";

const MAX_RECORDED = 10_000;
const BUCKET_MS = 60_000;

/** Writes through the API leave a trace in the activity log, like Datto's audit trail. */
export function recordActivity(tenant: Tenant, rec: Omit<ActivityRec, "id">): void {
  tenant.activities.push({
    ...rec,
    id: uuidFrom(rngFor(tenant.seed, "activity", rec.at, tenant.activities.length)),
  });
  if (tenant.activities.length > MAX_RECORDED)
    tenant.activities.splice(0, tenant.activities.length - MAX_RECORDED);
}

const TECHNICIANS = ["jsmith", "mgarcia", "tlee", "apatel"] as const;

/** Background activity (logins, remote sessions, audits) derived from (seed, minute). */
function synthetic(tenant: Tenant, from: number, until: number): ActivityRec[] {
  const out: ActivityRec[] = [];
  if (tenant.devices.length === 0) return out;
  for (let bucket = Math.floor(from / BUCKET_MS); bucket * BUCKET_MS <= until; bucket++) {
    const rng = rngFor(tenant.seed, "activity", bucket);
    const count = intBetween(rng, 0, 3);
    for (let i = 0; i < count; i++) {
      const at = bucket * BUCKET_MS + intBetween(rng, 0, BUCKET_MS - 1);
      const device = tenant.devices[Math.floor(rng() * tenant.devices.length)]!;
      const kind = pick(rng, ["login", "remote", "audit"] as const);
      const technician = pick(rng, TECHNICIANS);
      const id = uuidFrom(rng);
      if (at < from || at > until) continue;
      if (kind === "login") {
        const person = `${pick(rng, FIRST_NAMES)[0]}${pick(rng, LAST_NAMES)}`;
        out.push({
          id,
          at,
          entity: "USER",
          category: "user",
          action: "login",
          deviceIdx: null,
          details: { userName: rng() < 0.7 ? technician : person, ip: "198.51.100.23" },
        });
      } else {
        out.push({
          id,
          at,
          entity: "DEVICE",
          category: kind === "remote" ? "remote" : "device",
          action: kind === "remote" ? "session.start" : "audit.completed",
          deviceIdx: device.idx,
          details: kind === "remote" ? { tool: "Web Remote", userName: technician } : {},
        });
      }
    }
  }
  return out;
}

/** Every activity in [from, until], oldest first (ties by id, the order cursors follow). */
export function activitiesBetween(tenant: Tenant, from: number, until: number): ActivityRec[] {
  const recorded = tenant.activities.filter((a) => a.at >= from && a.at <= until);
  return [...recorded, ...synthetic(tenant, from, until)].sort(compareActivities);
}

export function compareActivities(a: Pick<ActivityRec, "at" | "id">, b: typeof a): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The cursor Datto puts in searchAfter: "<epoch ms>,<id>" (the spec's example). */
export const cursorOf = (a: ActivityRec) => `${a.at},${a.id}`;

export function parseCursor(value: string): Pick<ActivityRec, "at" | "id"> | null {
  const comma = value.indexOf(",");
  const at = Number(value.slice(0, comma));
  return comma > 0 && Number.isFinite(at) ? { at, id: value.slice(comma + 1) } : null;
}

const userNameOf = (tenant: Tenant, a: ActivityRec) =>
  typeof a.details.userName === "string" ? a.details.userName : tenant.apiUserName;

/** Datto user ids are numbers; ours are stable per user name. */
const userIdOf = (userName: string) => hash32(userName) % 100_000;

export function activityToWire(tenant: Tenant, a: ActivityRec) {
  const device = a.deviceIdx === null ? undefined : tenant.devices[a.deviceIdx];
  const site = device ? tenant.sites[device.siteIdx] : undefined;
  const userName = userNameOf(tenant, a);
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
    user: { id: userIdOf(userName), userName, firstName: null, lastName: null },
    details: JSON.stringify(a.details),
    hasStdOut: false,
    hasStdErr: false,
  };
}

type Wire = ReturnType<typeof activityToWire>;
const SEARCHABLE: Record<(typeof ACTIVITY_SEARCH_FIELDS)[number], (w: Wire) => string> = {
  category: (w) => w.category,
  action: (w) => w.action,
  entity: (w) => w.entity,
  hostname: (w) => w.hostname ?? "",
  "device.hostname": (w) => w.hostname ?? "",
  "site.name": (w) => w.site?.name ?? "",
  "user.userName": (w) => w.user.userName,
  details: (w) => w.details,
};

/** The fields `searchQuery` can name (unknowns.ts), plus `data.<key>` for each detail. */
export function searchDocOf(wire: Wire, a: ActivityRec): SearchDoc {
  const doc: SearchDoc = {};
  for (const field of ACTIVITY_SEARCH_FIELDS) doc[field] = SEARCHABLE[field](wire);
  for (const [key, value] of Object.entries(a.details)) doc[`data.${key}`] = String(value);
  return doc;
}
