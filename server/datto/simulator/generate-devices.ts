import {
  AV_PRODUCTS,
  CAG_VERSIONS,
  DC_PROFILE,
  type DeviceProfile,
  PROFILES,
} from "./device-profiles";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { hash32, intBetween, mulberry32, pad, pick, type Rng, uuidFrom, weighted } from "./prng";
import type { DeviceKind, DeviceRec, SiteRec } from "./tenant-types";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PROFILE_WEIGHTS = PROFILES.map((p) => [p, p.weight] as const);
const ONLINE_SHARE: Record<DeviceKind, number> = {
  desktop: 0.82,
  laptop: 0.62,
  server: 0.96,
  dc: 0.98,
  mac: 0.6,
  linux: 0.93,
  printer: 0.9,
  network: 0.95,
  esxi: 0.97,
};

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
      return `${p}-${["FS", "SQL", "APP", "RDS", "BK"][n % 5]}${pad(Math.ceil(n / 5), 2)}`;
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

function macFrom(rng: Rng): string {
  const bytes = [
    0x00,
    0x50,
    0x56,
    intBetween(rng, 0, 255),
    intBetween(rng, 0, 255),
    intBetween(rng, 0, 255),
  ];
  return bytes
    .map((x) => x.toString(16).padStart(2, "0"))
    .join(":")
    .toUpperCase();
}

function displayVersionOf(os: string): string | null {
  if (os.includes("26100")) return "24H2";
  if (os.includes("22631")) return "23H2";
  if (os.includes("19045")) return "22H2";
  if (os.includes("20348")) return "21H2";
  return null;
}

function personFor(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)[0]}${pick(rng, LAST_NAMES)}`;
}

function udfsFor(rng: Rng, profile: DeviceProfile): Record<string, string> {
  const udf: Record<string, string> = {};
  if (rng() < 0.65) udf.udf1 = pick(rng, ["Gold", "Silver", "Bronze"]);
  if (profile.hasAgent && rng() < 0.4)
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

export interface DeviceBuildContext {
  rng: Rng;
  seed: number;
  now: number;
  nextId: () => number;
}

/** One device record; hardware, software and audits are derived later from `seed`. */
export function generateDevice(
  ctx: DeviceBuildContext,
  site: SiteRec,
  siteIdx: number,
  idx: number,
  kind: DeviceKind | null,
  counter: Map<DeviceKind, number>,
): DeviceRec {
  const { rng, now } = ctx;
  const profile =
    kind === "dc"
      ? DC_PROFILE
      : kind
        ? (PROFILES.find((p) => p.kind === kind) ?? DC_PROFILE)
        : weighted(rng, PROFILE_WEIGHTS);
  const n = (counter.get(profile.kind) ?? 0) + 1;
  counter.set(profile.kind, n);
  const seed = hash32(ctx.seed, "device", idx);
  const os = pick(rng, profile.operatingSystems);
  const isWindows = os.startsWith("Microsoft");
  const online = rng() < ONLINE_SHARE[profile.kind];
  const offlineFor =
    rng() < 0.18 ? intBetween(rng, 31, 200) * DAY : intBetween(rng, 1, 24 * 20) * HOUR;
  const lastSeen = online ? now - intBetween(rng, 5, 240) * 1000 : now - offlineFor;
  const netHost = 10 + (idx % 240);
  const hostname = hostnameFor(site, profile.kind, n);
  const user = profile.hasAgent && profile.kind !== "linux" ? personFor(rng) : null;
  const domainShort = site.domain ? site.domain.split(".")[0]!.toUpperCase() : null;
  const av = isWindows || (profile.kind === "mac" && rng() < 0.6);
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
    kind: profile.kind,
    deviceClass: profile.deviceClass,
    hostname,
    os,
    intIp: `10.${(siteIdx >> 8) & 255}.${siteIdx & 255}.${netHost}`,
    extIp: site.extIp,
    mac: macFrom(mulberry32(seed)),
    lastLoggedInUser: lastUserFor(profile.kind, user, domainShort ?? hostname),
    domain: isWindows ? (domainShort ?? "WORKGROUP") : null,
    cagVersion: profile.hasAgent ? pick(rng, CAG_VERSIONS) : null,
    displayVersion: displayVersionOf(os),
    description:
      (profile.kind === "desktop" || profile.kind === "laptop") && rng() < 0.08
        ? pick(rng, ["Reception PC", "Finance", "Warehouse scanner", "Boardroom", "Spare"])
        : null,
    a64Bit: profile.kind !== "printer" && profile.kind !== "network",
    rebootRequired: isWindows && (patchStatus === "RebootRequired" || rng() < 0.06),
    online,
    suspended: rng() < 0.004,
    deleted: false,
    lastSeen,
    lastReboot: profile.hasAgent ? lastSeen - intBetween(rng, 1, 40 * 24) * HOUR : null,
    lastAuditDate: profile.kind === "network" ? null : lastSeen - intBetween(rng, 0, 26) * HOUR,
    creationDate: now - intBetween(rng, 30, 2000) * DAY,
    udf: udfsFor(rng, profile),
    snmpEnabled: !profile.hasAgent,
    warrantyDate:
      rng() < 0.3
        ? new Date(now + intBetween(rng, -400, 1100) * DAY).toISOString().slice(0, 10)
        : null,
    antivirusProduct: av ? pick(rng, AV_PRODUCTS) : null,
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
    networkProbe: (profile.kind === "server" || profile.kind === "dc") && rng() < 0.3,
    onboardedViaNetworkMonitor:
      profile.kind === "network" || (profile.kind === "printer" && rng() < 0.5),
    pinned: false,
  };
}
