import {
  CAG_VERSIONS,
  displayVersionOf,
  MAC_AV_PRODUCTS,
  PROFILES,
  WEIGHTED_KINDS,
  WINDOWS_AV_PRODUCTS,
} from "./device-profiles";
import { macWithPrefix } from "./hardware";
import { modelOf, platformOf } from "./hardware-models";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { hash32, intBetween, mulberry32, pad, pick, type Rng, uuidFrom, weighted } from "./prng";
import type { DeviceKind, DeviceRec, SiteRec } from "./tenant-types";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SERVER_ROLES = ["FS", "SQL", "APP", "RDS", "BK"] as const;

/** Numbering of each kind within one site, so hostnames never repeat inside a site. */
export type HostCounters = Map<DeviceKind, number>;

function hostnameFor(site: SiteRec, kind: DeviceKind, n: number): string {
  const p = site.hostPrefix;
  switch (kind) {
    case "desktop":
      return `${p}-WS-${pad(n, 3)}`;
    case "laptop":
      return `${p}-LT-${pad(n, 3)}`;
    case "dc":
      return `${p}-DC${pad(n, 2)}`;
    case "server":
      return `${p}-${SERVER_ROLES[n % 5]}${pad(Math.ceil(n / 5), 2)}`;
    case "mac":
      return `${p}-MAC-${pad(n, 3)}`;
    case "linux":
      return `${p}-UBU-${pad(n, 2)}`;
    case "printer":
      return `${p}-PRN-${pad(n, 2)}`;
    case "network":
      return `${p}-SW${pad(n, 2)}`;
    case "esxi":
      return `${p}-ESX${pad(n, 2)}`;
  }
}

/** Windows' own name for a machine nobody renamed: DESKTOP- and seven characters from its seed. */
function defaultWindowsName(seed: number): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  const rng = mulberry32(hash32(seed, "default-name"));
  return `DESKTOP-${Array.from({ length: 7 }, () => letters[Math.floor(rng() * 34)]).join("")}`;
}

function personFor(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)[0]}${pick(rng, LAST_NAMES)}`;
}

function udfsFor(rng: Rng, hasAgent: boolean): Record<string, string> {
  const udf: Record<string, string> = {};
  if (rng() < 0.65) udf.udf1 = pick(rng, ["Gold", "Silver", "Bronze"]);
  if (hasAgent && rng() < 0.4)
    udf.udf2 = pick(rng, ["Datto BCDR", "Datto Endpoint Backup", "None"]);
  if (rng() < 0.3) udf.udf5 = `ASSET-${pad(intBetween(rng, 1, 99999), 5)}`;
  if (rng() < 0.05) udf.udf300 = "legacy-import";
  return udf;
}

function lastUserFor(kind: DeviceKind, user: string | null, realm: string): string | null {
  if (user === null) return null;
  if (kind === "mac") return user;
  return `${realm}\\${kind === "server" || kind === "dc" ? "administrator" : user}`;
}

interface DeviceBuildContext {
  rng: Rng;
  seed: number;
  now: number;
  nextId: () => number;
}

/** The next hostname of a kind in a site (and counts it), unless the device keeps Windows' default. */
function nextHostname(site: SiteRec, kind: DeviceKind, counters: HostCounters): string {
  const n = (counters.get(kind) ?? 0) + 1;
  counters.set(kind, n);
  return hostnameFor(site, kind, n);
}

/** One device record; hardware, software and audits are derived later from `seed`. */
export function generateDevice(
  ctx: DeviceBuildContext,
  site: SiteRec,
  siteIdx: number,
  idx: number,
  chosenKind: DeviceKind | null,
  counters: HostCounters,
  hostname?: string,
): DeviceRec {
  const { rng, now } = ctx;
  const kind = chosenKind ?? weighted(rng, WEIGHTED_KINDS);
  const profile = PROFILES[kind];
  const seed = hash32(ctx.seed, "device", idx);
  const os = pick(rng, profile.operatingSystems);
  const platform = platformOf(kind);
  const isWindows = platform === "windows";
  const workstation = kind === "desktop" || kind === "laptop";
  // About 1 unrenamed Windows workstation in 30 keeps the name Windows gave it.
  const name =
    hostname ??
    (workstation && rng() < 0.033 ? defaultWindowsName(seed) : nextHostname(site, kind, counters));
  const online = rng() < profile.onlineShare;
  const offlineFor =
    rng() < 0.18 ? intBetween(rng, 31, 200) * DAY : intBetween(rng, 1, 24 * 20) * HOUR;
  const lastSeen = online ? now - intBetween(rng, 5, 240) * 1000 : now - offlineFor;
  const user = profile.hasAgent && kind !== "linux" ? personFor(rng) : null;
  const domainShort = site.domain ? site.domain.split(".")[0]!.toUpperCase() : null;
  const av = isWindows || (kind === "mac" && rng() < 0.6);
  const patchStatus = isWindows
    ? weighted(rng, [
        ["FullyPatched", 55],
        ["ApprovedPending", 20],
        ["RebootRequired", 9],
        ["InstallError", 5],
        ["NoPolicy", 6],
        ["NoData", 5],
      ] as const)
    : profile.hasAgent
      ? ("NoPolicy" as const)
      : null;
  return {
    idx,
    id: ctx.nextId(),
    uid: uuidFrom(rng),
    seed,
    siteIdx,
    kind,
    deviceClass: profile.deviceClass,
    hostname: name,
    os,
    intIp: `10.${(siteIdx >> 8) & 255}.${siteIdx & 255}.${10 + (idx % 240)}`,
    extIp: site.extIp,
    mac: macWithPrefix(modelOf(kind, seed).oui, mulberry32(seed)),
    lastLoggedInUser: lastUserFor(kind, user, domainShort ?? name),
    domain: isWindows ? (domainShort ?? "WORKGROUP") : null,
    cagVersion: profile.hasAgent ? pick(rng, CAG_VERSIONS) : null,
    displayVersion: displayVersionOf(os),
    description:
      workstation && rng() < 0.08
        ? pick(rng, ["Reception PC", "Finance", "Warehouse scanner", "Boardroom", "Spare"])
        : null,
    a64Bit: kind !== "printer" && kind !== "network",
    rebootRequired: isWindows && (patchStatus === "RebootRequired" || rng() < 0.06),
    online,
    suspended: rng() < 0.004,
    deleted: false,
    lastSeen,
    lastReboot: profile.hasAgent ? lastSeen - intBetween(rng, 1, 40 * 24) * HOUR : null,
    lastAuditDate: kind === "network" ? null : lastSeen - intBetween(rng, 0, 26) * HOUR,
    creationDate: now - intBetween(rng, 30, 2000) * DAY,
    udf: udfsFor(rng, profile.hasAgent),
    snmpEnabled: !profile.hasAgent,
    warrantyDate:
      rng() < 0.3
        ? new Date(now + intBetween(rng, -400, 1100) * DAY).toISOString().slice(0, 10)
        : null,
    antivirusProduct: av ? pick(rng, isWindows ? WINDOWS_AV_PRODUCTS : MAC_AV_PRODUCTS) : null,
    antivirusStatus: !profile.hasAgent
      ? null
      : !av
        ? "NotDetected"
        : weighted(rng, [
            ["RunningAndUpToDate", 85],
            ["RunningAndNotUpToDate", 9],
            ["NotRunning", 6],
          ] as const),
    patchStatus,
    patchesApprovedPending:
      patchStatus === null ? null : patchStatus === "ApprovedPending" ? intBetween(rng, 1, 14) : 0,
    patchesNotApproved: patchStatus === null ? null : intBetween(rng, 0, 6),
    patchesInstalled: patchStatus === null ? null : intBetween(rng, 40, 420),
    softwareStatus: profile.hasAgent
      ? weighted(rng, [
          ["Compliant", 80],
          ["Non-Compliant", 12],
          ["No Data", 8],
        ] as const)
      : null,
    networkProbe: (kind === "server" || kind === "dc") && rng() < 0.3,
    onboardedViaNetworkMonitor: kind === "network" || (kind === "printer" && rng() < 0.5),
    pinned: false,
  };
}
