import { intBetween, mulberry32, pick, type Rng } from "./prng";
import type { DeviceRec } from "./tenant-types";
import { isoInstant } from "./wire-dates";

/** Hardware is derived from the device seed on every request: nothing is stored (50k devices). */
export const GB = 1_073_741_824;

const MODELS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  desktop: [
    ["Dell Inc.", "OptiPlex 7010"],
    ["HP", "EliteDesk 800 G6 SFF"],
    ["LENOVO", "ThinkCentre M70q Gen 4"],
  ],
  laptop: [
    ["Dell Inc.", "Latitude 5440"],
    ["LENOVO", "ThinkPad T14 Gen 4"],
    ["HP", "EliteBook 840 G10"],
  ],
  server: [
    ["Dell Inc.", "PowerEdge R650"],
    ["HPE", "ProLiant DL380 Gen10"],
    ["VMware, Inc.", "VMware Virtual Platform"],
  ],
  dc: [
    ["Dell Inc.", "PowerEdge R450"],
    ["VMware, Inc.", "VMware7,1"],
  ],
  mac: [
    ["Apple Inc.", "MacBookPro18,3"],
    ["Apple Inc.", "Mac14,2"],
  ],
  linux: [
    ["Supermicro", "SYS-5019C-MR"],
    ["QEMU", "Standard PC (Q35 + ICH9, 2009)"],
  ],
};
const CPUS = [
  "Intel(R) Core(TM) i5-12500 CPU @ 3.00GHz",
  "Intel(R) Core(TM) i7-1365U",
  "AMD Ryzen 5 PRO 5650G",
  "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz",
  "Apple M2 Pro",
];

export const rngOf = (device: DeviceRec, what: string) =>
  mulberry32((device.seed ^ hashWhat(what)) >>> 0);
function hashWhat(what: string): number {
  let h = 7;
  for (let i = 0; i < what.length; i++) h = Math.imul(h ^ what.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mac(rng: Rng): string {
  return Array.from({ length: 6 }, (_, i) =>
    (i === 0 ? 0 : intBetween(rng, 0, 255)).toString(16).padStart(2, "0"),
  )
    .join(":")
    .toUpperCase();
}

export function nicsOf(device: DeviceRec) {
  const rng = rngOf(device, "nics");
  const nics = [
    {
      instance: device.kind === "mac" ? "en0" : "Intel(R) Ethernet Connection (17) I219-LM",
      ipv4: device.intIp,
      ipv6: `fe80::${intBetween(rng, 4096, 65535).toString(16)}:${intBetween(rng, 4096, 65535).toString(16)}`,
      macAddress: device.mac,
      type: "Ethernet",
    },
  ];
  if (device.kind === "laptop" || device.kind === "mac") {
    nics.push({
      instance: "Intel(R) Wi-Fi 6E AX211 160MHz",
      ipv4: `192.168.${intBetween(rng, 0, 20)}.${intBetween(rng, 2, 250)}`,
      ipv6: "",
      macAddress: mac(rng),
      type: "Wireless",
    });
  }
  return nics;
}

export function deviceAudit(device: DeviceRec, portalUrl: string, webRemoteUrl: string | null) {
  const rng = rngOf(device, "audit");
  const [manufacturer, model] = pick(rng, MODELS[device.kind] ?? MODELS.desktop!);
  const server = device.kind === "server" || device.kind === "dc" || device.kind === "linux";
  const ramGb = server ? pick(rng, [32, 64, 128, 256]) : pick(rng, [8, 16, 16, 32]);
  const cores = server ? pick(rng, [8, 16, 24]) : pick(rng, [4, 6, 8, 12]);
  const diskCount = server ? intBetween(rng, 2, 3) : 1;
  const modules = ramGb >= 32 ? 4 : 2;
  return {
    portalUrl,
    webRemoteUrl,
    systemInfo: {
      manufacturer,
      model,
      totalPhysicalMemory: ramGb * GB,
      username: device.lastLoggedInUser,
      dotNetVersion: device.os.startsWith("Microsoft")
        ? pick(rng, ["4.8.09032", "4.8.04161"])
        : null,
      totalCpuCores: cores,
    },
    nics: nicsOf(device),
    bios: {
      instance: `${manufacturer} BIOS`,
      releaseDate: isoInstant(
        Date.UTC(2022 + intBetween(rng, 0, 3), intBetween(rng, 0, 11), intBetween(rng, 1, 28)),
      ),
      serialNumber: Array.from(
        { length: 7 },
        () => "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[intBetween(rng, 0, 33)],
      ).join(""),
      smBiosVersion: `${intBetween(rng, 1, 3)}.${intBetween(rng, 0, 30)}.${intBetween(rng, 0, 9)}`,
    },
    baseBoard: {
      manufacturer,
      product: `0${intBetween(rng, 100000, 999999).toString(16).toUpperCase()}`,
    },
    displays: server
      ? []
      : Array.from({ length: intBetween(rng, 1, 2) }, (_, i) => ({
          instance: `DISPLAY${i + 1}`,
          screenHeight: 1080,
          screenWidth: 1920,
        })),
    logicalDisks: Array.from({ length: diskCount }, (_, i) => {
      const size = pick(rng, [256, 512, 1024, 2048]) * GB;
      return {
        description: "Local Fixed Disk",
        diskIdentifier: `${"CDE"[i]}:`,
        freespace: Math.floor(size * (0.03 + rng() * 0.7)),
        size,
      };
    }),
    mobileInfo: [],
    processors: [{ name: pick(rng, CPUS) }],
    videoBoards: [
      {
        displayAdapter: server
          ? "Matrox G200eW3"
          : pick(rng, [
              "Intel(R) UHD Graphics 770",
              "AMD Radeon(TM) Graphics",
              "Intel(R) Iris(R) Xe Graphics",
            ]),
      },
    ],
    attachedDevices: server
      ? []
      : [
          {
            deviceName: "HID Keyboard Device",
            deviceType: "Keyboard",
            driverFile: null,
            driverFileLastModified: null,
            driverManufacturer: "(Standard keyboards)",
            driverName: "kbdhid",
            driverVersion: "10.0.22621.1",
            portName: null,
          },
        ],
    snmpInfo: null,
    physicalMemory: Array.from({ length: modules }, (_, i) => ({
      module: `DIMM${i}`,
      size: (ramGb / modules) * GB,
      type: "DDR4",
      speed: "3200",
      serialNumber: `${intBetween(rng, 10000000, 99999999)}`,
      partNumber: "M378A2K43EB1-CWE",
      bank: `BANK ${i}`,
    })),
  };
}
