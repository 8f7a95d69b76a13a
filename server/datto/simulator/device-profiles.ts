import type { DeviceClass, DeviceKind } from "./tenant-types";

/** How each kind of endpoint looks: class, Datto deviceType, OS choices and hostname tag. */
export interface DeviceProfile {
  kind: DeviceKind;
  deviceClass: DeviceClass;
  category: string;
  type: string;
  weight: number;
  operatingSystems: readonly string[];
  hasAgent: boolean;
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

export const PROFILES: readonly DeviceProfile[] = [
  {
    kind: "desktop",
    deviceClass: "device",
    category: "Desktop",
    type: "Desktop",
    weight: 50,
    operatingSystems: WIN_CLIENT,
    hasAgent: true,
  },
  {
    kind: "laptop",
    deviceClass: "device",
    category: "Laptop",
    type: "Notebook",
    weight: 26,
    operatingSystems: WIN_CLIENT,
    hasAgent: true,
  },
  {
    kind: "server",
    deviceClass: "device",
    category: "Server",
    type: "Rack Mount Chassis",
    weight: 6,
    operatingSystems: WIN_SERVER,
    hasAgent: true,
  },
  {
    kind: "mac",
    deviceClass: "device",
    category: "Laptop",
    type: "Notebook",
    weight: 5,
    operatingSystems: ["macOS Sonoma 14.6", "macOS Sequoia 15.1", "macOS Ventura 13.7"],
    hasAgent: true,
  },
  {
    kind: "linux",
    deviceClass: "device",
    category: "Server",
    type: "Main System Chassis",
    weight: 3,
    operatingSystems: ["Ubuntu 22.04.4 LTS", "Ubuntu 24.04.1 LTS", "Ubuntu 20.04.6 LTS"],
    hasAgent: true,
  },
  {
    kind: "printer",
    deviceClass: "printer",
    category: "Printer",
    type: "Printer",
    weight: 5,
    operatingSystems: [""],
    hasAgent: false,
  },
  {
    kind: "network",
    deviceClass: "rmmnetworkdevice",
    category: "Network Device",
    type: "Switch",
    weight: 3,
    operatingSystems: [""],
    hasAgent: false,
  },
  {
    kind: "esxi",
    deviceClass: "esxihost",
    category: "ESXi Host",
    type: "ESXi Host",
    weight: 1,
    operatingSystems: ["VMware ESXi 7.0.3", "VMware ESXi 8.0.2"],
    hasAgent: false,
  },
];

export const DC_PROFILE: DeviceProfile = {
  kind: "dc",
  deviceClass: "device",
  category: "Server",
  type: "Rack Mount Chassis",
  weight: 0,
  operatingSystems: WIN_SERVER,
  hasAgent: true,
};

export function profileOf(kind: DeviceKind): DeviceProfile {
  if (kind === "dc") return DC_PROFILE;
  const found = PROFILES.find((p) => p.kind === kind);
  if (!found) throw new Error(`no profile for ${kind}`);
  return found;
}

export const AV_PRODUCTS = [
  "Datto AV",
  "Windows Defender",
  "Sophos Intercept X",
  "SentinelOne",
  "Bitdefender Endpoint Security",
  "Webroot SecureAnywhere",
] as const;

export const CAG_VERSIONS = ["4.4.2213.2213", "4.4.2201.2201", "4.3.2155.2155"] as const;
