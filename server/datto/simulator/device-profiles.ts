import type { DeviceClass, DeviceKind } from "./tenant-types";

/** How each kind of endpoint looks: class, Datto deviceType, OS choices, share online. */
interface DeviceProfile {
  deviceClass: DeviceClass;
  deviceType: { category: string; type: string };
  /** Share of a generated fleet; 0 for kinds placed on purpose (domain controllers). */
  weight: number;
  operatingSystems: readonly string[];
  hasAgent: boolean;
  onlineShare: number;
}

const WIN_CLIENT = [
  "Microsoft Windows 11 Pro 10.0.22631",
  "Microsoft Windows 11 Pro 10.0.26100",
  "Microsoft Windows 10 Pro 10.0.19045",
  "Microsoft Windows 11 Enterprise 10.0.22631",
  "Microsoft Windows 10 Enterprise 10.0.19045",
] as const;

const WIN_SERVER = [
  "Microsoft Windows Server 2022 Standard 10.0.20348",
  "Microsoft Windows Server 2019 Standard 10.0.17763",
  "Microsoft Windows Server 2016 Standard 10.0.14393",
  "Microsoft Windows Server 2022 Datacenter 10.0.20348",
] as const;

const profile = (
  deviceClass: DeviceClass,
  category: string,
  type: string,
  weight: number,
  operatingSystems: readonly string[],
  onlineShare: number,
): DeviceProfile => ({
  deviceClass,
  deviceType: { category, type },
  weight,
  operatingSystems,
  hasAgent: deviceClass === "device",
  onlineShare,
});

export const PROFILES: Record<DeviceKind, DeviceProfile> = {
  desktop: profile("device", "Desktop", "Desktop", 50, WIN_CLIENT, 0.82),
  laptop: profile("device", "Laptop", "Notebook", 26, WIN_CLIENT, 0.62),
  server: profile("device", "Server", "Rack Mount Chassis", 6, WIN_SERVER, 0.96),
  dc: profile("device", "Server", "Rack Mount Chassis", 0, WIN_SERVER, 0.98),
  mac: profile(
    "device",
    "Laptop",
    "Notebook",
    5,
    ["macOS Sonoma 14.6", "macOS Sequoia 15.1", "macOS Ventura 13.7"],
    0.6,
  ),
  linux: profile(
    "device",
    "Server",
    "Main System Chassis",
    3,
    ["Ubuntu 22.04.4 LTS", "Ubuntu 24.04.1 LTS", "Ubuntu 20.04.6 LTS"],
    0.93,
  ),
  printer: profile("printer", "Printer", "Printer", 5, [""], 0.9),
  network: profile("rmmnetworkdevice", "Network Device", "Switch", 3, [""], 0.95),
  esxi: profile(
    "esxihost",
    "ESXi Host",
    "ESXi Host",
    1,
    ["VMware ESXi 7.0.3", "VMware ESXi 8.0.2"],
    0.97,
  ),
};

/** The kinds a fleet is drawn from, with their weights. */
export const WEIGHTED_KINDS = (Object.keys(PROFILES) as DeviceKind[])
  .filter((kind) => PROFILES[kind].weight > 0)
  .map((kind) => [kind, PROFILES[kind].weight] as const);

/** Antivirus products by platform: Defender exists only on Windows. */
export const WINDOWS_AV_PRODUCTS = [
  "Datto AV",
  "Windows Defender",
  "Sophos Intercept X",
  "SentinelOne",
  "Bitdefender Endpoint Security",
  "Webroot SecureAnywhere",
] as const;
export const MAC_AV_PRODUCTS = [
  "SentinelOne",
  "Sophos Intercept X",
  "Bitdefender Endpoint Security",
];

export const CAG_VERSIONS = ["4.4.2213.2213", "4.4.2201.2201", "4.3.2155.2155"] as const;

/** Windows' release name for its build number (what Datto shows as displayVersion). */
const RELEASES: Record<string, string> = {
  "26100": "24H2",
  "22631": "23H2",
  "19045": "22H2",
  "20348": "21H2",
  "17763": "1809",
  "14393": "1607",
};

export function displayVersionOf(os: string): string | null {
  const build = /10\.0\.(\d+)$/.exec(os)?.[1];
  return build ? (RELEASES[build] ?? null) : null;
}
