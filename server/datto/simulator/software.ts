import { modelOf, platformOf } from "./hardware-models";
import { serverRoleOf } from "./hardware";
import { intBetween, mulberry32, pick } from "./prng";
import {
  LINUX_PACKAGES,
  MAC_APPS,
  SERVER_APPS_BY_ROLE,
  WINDOWS_RUNTIMES,
  WINDOWS_SERVER_APPS,
  WORKSTATION_APPS,
  type Entry,
} from "./software-catalog";
import type { DeviceRec } from "./tenant-types";

/** The vendor's own tools, on that vendor's machines only. */
const VENDOR_TOOLS: Record<string, Entry[]> = {
  "Dell Inc.": [
    ["Dell Command | Update", ["5.4.0"]],
    ["Dell SupportAssist", ["4.4.2.29265"]],
  ],
  HP: [
    ["HP Support Assistant", ["9.36.27.0"]],
    ["HP Wolf Security", ["4.6.6.1061"]],
  ],
  LENOVO: [
    ["Lenovo Vantage Service", ["4.0.56.0"]],
    ["Lenovo System Update", ["5.08.03.59"]],
  ],
  "VMware, Inc.": [["VMware Tools", ["12.4.0.23259341"]]],
};
const SERVER_VENDOR_TOOLS: Record<string, Entry[]> = {
  "Dell Inc.": [
    ["Dell OpenManage Server Administrator", ["11.0.1.0"]],
    ["iDRAC Service Module", ["5.3.0.0"]],
  ],
  HPE: [["HPE Agentless Management Service", ["3.11.0.0"]]],
  "VMware, Inc.": [["VMware Tools", ["12.4.0.23259341"]]],
};

/** The endpoint agent that goes with the antivirus product Datto reports (Defender is built in). */
const AV_AGENTS: Record<string, Entry> = {
  "Datto AV": ["Datto AV", ["3.3.0.12"]],
  "Sophos Intercept X": ["Sophos Endpoint Agent", ["2023.2.2.1"]],
  SentinelOne: ["SentinelOne Agent", ["23.4.4.223"]],
  "Bitdefender Endpoint Security": ["Bitdefender Endpoint Security Tools", ["7.9.9.381"]],
  "Webroot SecureAnywhere": ["Webroot SecureAnywhere", ["9.0.35.12"]],
};

/** Always present, then a seeded pick from the pool, so each device has 20-120 entries. */
function compose(
  device: DeviceRec,
  always: Entry[],
  pool: readonly Entry[],
): Array<{ name: string; version: string }> {
  const rng = mulberry32(device.seed ^ 0x9e3779b9);
  const wanted = Math.min(pool.length, Math.max(0, intBetween(rng, 20, 120) - always.length));
  const chosen = new Set<number>();
  while (chosen.size < wanted) chosen.add(Math.floor(rng() * pool.length));
  const names = new Set<string>();
  return [...always, ...[...chosen].sort((a, b) => a - b).map((i) => pool[i]!)]
    .filter(([name]) => !names.has(name) && names.add(name))
    .map(([name, versions]) => ({ name, version: pick(rng, versions) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Software lists are rebuilt from the device on every request: what fits its OS, maker and role. */
export function softwareOf(device: DeviceRec): Array<{ name: string; version: string }> {
  if (device.deviceClass !== "device") return [];
  const platform = platformOf(device.kind);
  const agent: Entry = ["Datto RMM", [device.cagVersion ?? "4.4.2213.2213"]];
  if (platform === "mac") return compose(device, [agent, ...avAgent(device)], MAC_APPS);
  if (platform === "linux")
    return compose(
      device,
      [["datto-rmm-agent", [device.cagVersion ?? "4.4.2213"]]],
      LINUX_PACKAGES,
    );
  const manufacturer = modelOf(device.kind, device.seed).manufacturer;
  const server = device.kind === "server" || device.kind === "dc";
  const always: Entry[] = [
    agent,
    ["Microsoft Edge", ["131.0.2903.70", "130.0.2849.80"]],
    ["Microsoft Edge WebView2 Runtime", ["131.0.2903.70"]],
    ...avAgent(device),
    ...((server ? SERVER_VENDOR_TOOLS : VENDOR_TOOLS)[manufacturer] ?? []),
    ...(server ? (SERVER_APPS_BY_ROLE[serverRoleOf(device)] ?? []) : []),
  ];
  const pool = server
    ? [...WINDOWS_SERVER_APPS, ...WINDOWS_RUNTIMES]
    : [...WORKSTATION_APPS, ...WINDOWS_RUNTIMES];
  return compose(device, always, pool);
}

function avAgent(device: DeviceRec): Entry[] {
  const agent = device.antivirusProduct ? AV_AGENTS[device.antivirusProduct] : undefined;
  return agent ? [agent] : [];
}
