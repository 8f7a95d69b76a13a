import { CITIES, COMPANY_KINDS, COMPANY_WORDS, domainFor, hostPrefix } from "./names";
import { hash32, intBetween, pick, type Rng, uuidFrom } from "./prng";
import type { SiteRec } from "./tenant-types";

const DELETED_DEVICES_SITE = "Deleted Devices";

function publicIp(rng: Rng): string {
  const first = pick(rng, [24, 50, 68, 73, 81, 86, 98, 104, 151, 173, 185, 203] as const);
  return `${first}.${intBetween(rng, 1, 254)}.${intBetween(rng, 1, 254)}.${intBetween(rng, 2, 250)}`;
}

function baseSite(rng: Rng, id: number, name: string): SiteRec {
  return {
    id,
    uid: uuidFrom(rng),
    name,
    description: null,
    notes: null,
    onDemand: false,
    splashtopAutoInstall: false,
    proxy: null,
    autotaskCompanyName: null,
    autotaskCompanyId: null,
    isDeletedDevices: false,
    hostPrefix: "DEL",
    domain: null,
    extIp: publicIp(rng),
    variables: [],
    deviceIdx: [],
  };
}

/** Customer sites (unique realistic names) followed by the "Deleted Devices" site (API.md §6). */
export function generateSites(rng: Rng, count: number, firstId: number): SiteRec[] {
  const sites: SiteRec[] = [];
  const used = new Set<string>();
  const prefixes = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const word = pick(rng, COMPANY_WORDS);
    const kind = pick(rng, COMPANY_KINDS);
    let name = `${word} ${kind}`;
    if (used.has(name)) name = `${name} - ${pick(rng, CITIES)}`;
    while (used.has(name)) name = `${word} ${kind} ${intBetween(rng, 2, 999)}`;
    used.add(name);
    const site = baseSite(rng, firstId + i, name);
    site.hostPrefix = uniquePrefix(prefixes, word, kind);
    site.domain = rng() < 0.8 ? domainFor(word) : null;
    site.description = rng() < 0.5 ? `${kind} customer, ${pick(rng, CITIES)}` : null;
    site.notes = rng() < 0.2 ? "After-hours contact: see PSA." : null;
    site.onDemand = rng() < 0.05;
    site.splashtopAutoInstall = rng() < 0.6;
    if (rng() < 0.6) {
      site.autotaskCompanyName = name;
      site.autotaskCompanyId = String(29_680_000 + (hash32(name) % 9999));
    }
    if (rng() < 0.05) {
      site.proxy = {
        host: `proxy.${site.domain ?? "example.net"}`,
        port: 8080,
        type: "http",
        username: null,
      };
    }
    sites.push(site);
  }
  const deleted = baseSite(rng, firstId + count, DELETED_DEVICES_SITE);
  deleted.isDeletedDevices = true;
  deleted.description = "Devices deleted from other sites";
  sites.push(deleted);
  return sites;
}

/**
 * "ACME", else "ACMEVC" (with the kind's initials), else "ACME2", "ACME3"...: one per site.
 * `taken` maps each prefix in use to the next number to try after it.
 */
function uniquePrefix(taken: Map<string, number>, word: string, kind: string): string {
  const base = hostPrefix(word);
  const initials = kind
    .replace(/[^A-Za-z ]/g, "")
    .split(" ")
    .map((w) => w[0])
    .join("")
    .toUpperCase();
  let prefix = taken.has(base)
    ? `${base.slice(0, 4)}${initials.length > 1 ? initials : kind.slice(0, 2).toUpperCase()}`
    : base;
  if (taken.has(prefix)) {
    let n = taken.get(base) ?? 2;
    while (taken.has(`${base}${n}`)) n++;
    taken.set(base, n + 1);
    prefix = `${base}${n}`;
  }
  taken.set(prefix, taken.get(prefix) ?? 2);
  return prefix;
}

/** Splits `total` devices over the customer sites with uneven, realistic sizes. */
export function siteSizes(rng: Rng, total: number, sites: number): number[] {
  if (sites === 0) return [];
  const weights = Array.from({ length: sites }, () => Math.exp(rng() * 2.4 - 1.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % sites, left--) sizes[i] = (sizes[i] ?? 0) + 1;
  return sizes;
}
