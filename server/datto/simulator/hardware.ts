import { modelOf, platformOf } from "./hardware-models";
import { intBetween, mulberry32, pick, type Rng } from "./prng";
import type { DeviceRec } from "./tenant-types";
import { isoInstant } from "./wire-dates";

/** Hardware is derived from the device seed on every request: nothing is stored (50k devices). */
export const GB = 1_073_741_824;

export const rngOf = (device: DeviceRec, what: string) =>
  mulberry32((device.seed ^ hashWhat(what)) >>> 0);
function hashWhat(what: string): number {
  let h = 7;
  for (let i = 0; i < what.length; i++) h = Math.imul(h ^ what.charCodeAt(i), 16777619);
  return h >>> 0;
}

const hexByte = (rng: Rng) => intBetween(rng, 0, 255).toString(16).padStart(2, "0").toUpperCase();

/** A MAC address under the vendor's prefix (joined: a flat string, not a rope, for 50k devices). */
export const macWithPrefix = (oui: string, rng: Rng) =>
  [oui, hexByte(rng), hexByte(rng), hexByte(rng)].join(":");

const isServer = (d: DeviceRec) => d.kind === "server" || d.kind === "dc" || d.kind === "linux";

interface LogicalDisk {
  description: string;
  diskIdentifier: string;
  freespace: number;
  size: number;
}

/** Role of a Windows server from its hostname tag (FS, SQL, APP, RDS, BK, DC). */
export const serverRoleOf = (d: DeviceRec) => /-([A-Z]+)\d+$/.exec(d.hostname)?.[1] ?? "";

/** Drive letters on Windows only; mount points on macOS and Linux. */
export function logicalDisksOf(device: DeviceRec): LogicalDisk[] {
  const rng = rngOf(device, "disks");
  const disk = (diskIdentifier: string, description: string, sizeGb: number): LogicalDisk => {
    const size = sizeGb * GB;
    return {
      description,
      diskIdentifier,
      size,
      freespace: Math.floor(size * (0.08 + rng() * 0.65)),
    };
  };
  switch (platformOf(device.kind)) {
    case "mac":
      return [disk("/", "Macintosh HD", pick(rng, [256, 512, 1024]))];
    case "linux": {
      const disks = [disk("/", "ext4", pick(rng, [40, 100, 250])), disk("/boot", "ext4", 1)];
      if (rng() < 0.5) disks.push(disk("/srv", "xfs", pick(rng, [500, 1000, 2000])));
      return disks;
    }
    case "windows": {
      if (!isServer(device)) {
        const disks = [disk("C:", "Local Fixed Disk", pick(rng, [256, 512, 1024]))];
        if (device.kind === "desktop" && rng() < 0.3)
          disks.push(disk("D:", "Local Fixed Disk", 1000));
        return disks;
      }
      const disks = [disk("C:", "Local Fixed Disk", pick(rng, [120, 150, 200]))];
      const role = serverRoleOf(device);
      if (role !== "DC")
        disks.push(disk("D:", "Local Fixed Disk", pick(rng, [500, 1024, 2048, 4096])));
      if (role === "SQL") disks.push(disk("E:", "Local Fixed Disk", 250));
      if (role === "BK") disks.push(disk("E:", "Local Fixed Disk", 8192));
      return disks;
    }
    default:
      return [];
  }
}

export function nicsOf(device: DeviceRec) {
  const rng = rngOf(device, "nics");
  const model = modelOf(device.kind, device.seed);
  const ipv6 = `fe80::${intBetween(rng, 4096, 65535).toString(16)}:${intBetween(rng, 4096, 65535).toString(16)}`;
  const wifi = (ipv4: string) => ({
    instance: device.kind === "mac" ? "en0" : "Intel(R) Wi-Fi 6E AX211 160MHz",
    ipv4,
    ipv6: device.kind === "mac" ? ipv6 : "",
    macAddress: device.kind === "mac" ? device.mac : macWithPrefix(model.oui, rng),
    type: "Wireless",
  });
  if (model.nic === null) return [wifi(device.intIp)];
  const wired = {
    instance: model.nic,
    ipv4: device.intIp,
    ipv6,
    macAddress: device.mac,
    type: "Ethernet",
  };
  if (device.kind !== "laptop") return [wired];
  return [wired, wifi(`192.168.${intBetween(rng, 0, 20)}.${intBetween(rng, 2, 250)}`)];
}

/** GET /v2/audit/device/{uid}: parts that belong together for the device's platform and model. */
export function deviceAudit(device: DeviceRec, portalUrl: string, webRemoteUrl: string | null) {
  const rng = rngOf(device, "audit");
  const model = modelOf(device.kind, device.seed);
  const [cpu, cores] = pick(rng, model.cpus);
  const windows = platformOf(device.kind) === "windows";
  const server = isServer(device);
  const ramGb = model.virtual
    ? pick(rng, [8, 16, 32])
    : server
      ? pick(rng, [32, 64, 128, 256])
      : pick(rng, [8, 16, 16, 32]);
  const modules = model.memory === "LPDDR5" || model.virtual ? 1 : ramGb >= 32 ? 4 : 2;
  const serial = Array.from(
    { length: device.kind === "mac" ? 10 : 7 },
    () => "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[intBetween(rng, 0, 33)],
  ).join("");
  return {
    portalUrl,
    webRemoteUrl,
    systemInfo: {
      manufacturer: model.manufacturer,
      model: model.model,
      totalPhysicalMemory: ramGb * GB,
      username: device.lastLoggedInUser,
      dotNetVersion: windows ? pick(rng, ["4.8.09032", "4.8.04161"]) : null,
      totalCpuCores: cores,
    },
    nics: nicsOf(device),
    bios: {
      instance: device.kind === "mac" ? "Apple ROM" : `${model.manufacturer} BIOS`,
      releaseDate: isoInstant(
        Date.UTC(2022 + intBetween(rng, 0, 3), intBetween(rng, 0, 11), intBetween(rng, 1, 28)),
      ),
      serialNumber: serial,
      smBiosVersion: `${intBetween(rng, 1, 3)}.${intBetween(rng, 0, 30)}.${intBetween(rng, 0, 9)}`,
    },
    baseBoard: {
      manufacturer: model.manufacturer,
      product: `0${intBetween(rng, 100000, 999999).toString(16).toUpperCase()}`,
    },
    displays: displaysOf(device, rng),
    logicalDisks: logicalDisksOf(device),
    mobileInfo: [],
    processors: [{ name: cpu }],
    videoBoards: [{ displayAdapter: model.video }],
    attachedDevices: windows && !server ? [KEYBOARD] : [],
    snmpInfo: null,
    physicalMemory: Array.from({ length: modules }, (_, i) => ({
      module: model.memory === "LPDDR5" ? "Unified memory" : `DIMM${i}`,
      size: (ramGb / modules) * GB,
      type: model.memory,
      speed: model.memory === "DDR4" ? "3200" : "4800",
      serialNumber: `${intBetween(rng, 10000000, 99999999)}`,
      partNumber: model.memory === "DDR5" ? "M425R1GB4BB0-CQK" : "M378A2K43EB1-CWE",
      bank: `BANK ${i}`,
    })),
  };
}

function displaysOf(device: DeviceRec, rng: Rng) {
  if (isServer(device)) return [];
  const builtIn =
    device.kind === "mac"
      ? [{ instance: "Built-in Retina Display", screenHeight: 1964, screenWidth: 3024 }]
      : device.kind === "laptop"
        ? [{ instance: "DISPLAY1", screenHeight: 1200, screenWidth: 1920 }]
        : [];
  const external = Array.from(
    { length: intBetween(rng, device.kind === "desktop" ? 1 : 0, 2) },
    (_, i) => ({
      instance: `DISPLAY${builtIn.length + i + 1}`,
      screenHeight: 1080,
      screenWidth: 1920,
    }),
  );
  return [...builtIn, ...external];
}

const KEYBOARD = {
  deviceName: "HID Keyboard Device",
  deviceType: "Keyboard",
  driverFile: null,
  driverFileLastModified: null,
  driverManufacturer: "(Standard keyboards)",
  driverName: "kbdhid",
  driverVersion: "10.0.22621.1",
  portName: null,
};
