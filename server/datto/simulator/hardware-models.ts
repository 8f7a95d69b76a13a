import { hash32 } from "./prng";
import type { DeviceKind } from "./tenant-types";

/**
 * The machines a device of each kind can be, each with the parts that go with it: a Dell never
 * gets an Apple CPU, a Mac never gets a Windows NIC. Derived from the device seed, never stored.
 */
export type Platform = "windows" | "mac" | "linux" | "esxi" | "printer" | "network";

interface HardwareModel {
  manufacturer: string;
  model: string;
  /** [name, cores] */
  cpus: ReadonlyArray<readonly [string, number]>;
  /** The vendor prefix of the onboard NIC's MAC address. */
  oui: string;
  /** The wired NIC's name as the audit reports it; null when the machine has none (MacBooks). */
  nic: string | null;
  video: string;
  memory: "DDR4" | "DDR5" | "LPDDR5";
  virtual: boolean;
}

/** One model a line: manufacturer | model | cpu:cores; cpu:cores | MAC prefix | wired NIC (- none) | video | memory | virtual? */
function table(text: string): HardwareModel[] {
  return text
    .trim()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [manufacturer, model, cpus, oui, nic, video, memory, virtual] = line
        .split("|")
        .map((cell) => cell.trim());
      if (!manufacturer || !model || !oui || !nic || video === undefined || !isMemory(memory))
        throw new Error(`hardware model line is malformed: ${line}`);
      return {
        manufacturer,
        model,
        cpus: (cpus ?? "")
          .split(";")
          .filter((c) => c.trim() !== "")
          .map((c) => {
            const at = c.lastIndexOf(":");
            return [c.slice(0, at).trim(), Number(c.slice(at + 1))] as const;
          }),
        oui,
        nic: nic === "-" ? null : nic,
        video,
        memory,
        virtual: virtual === "virtual",
      };
    });
}

const isMemory = (value: string | undefined): value is HardwareModel["memory"] =>
  value === "DDR4" || value === "DDR5" || value === "LPDDR5";

const VIRTUAL_WINDOWS = `
VMware, Inc. | VMware7,1 | Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz:4 | 00:50:56 | vmxnet3 Ethernet Adapter | VMware SVGA 3D | DDR4 | virtual
Microsoft Corporation | Virtual Machine | AMD EPYC 7443P 24-Core Processor:8 | 00:15:5D | Microsoft Hyper-V Network Adapter | Microsoft Hyper-V Video | DDR4 | virtual`;

const MODELS: Record<DeviceKind, readonly HardwareModel[]> = {
  desktop: table(`
Dell Inc. | OptiPlex 7010 | 13th Gen Intel(R) Core(TM) i5-13500:14; 13th Gen Intel(R) Core(TM) i7-13700:16 | F8:BC:12 | Intel(R) Ethernet Connection (17) I219-LM | Intel(R) UHD Graphics 770 | DDR5
HP | HP EliteDesk 800 G6 Small Form Factor PC | Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz:6; Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz:8 | 3C:D9:2B | Intel(R) Ethernet Connection (11) I219-LM | Intel(R) UHD Graphics 630 | DDR4
HP | HP EliteDesk 805 G8 Small Form Factor PC | AMD Ryzen 5 PRO 5650G with Radeon Graphics:6 | 3C:D9:2B | Realtek PCIe GbE Family Controller | AMD Radeon(TM) Graphics | DDR4
LENOVO | 11T3S0E800 | 13th Gen Intel(R) Core(TM) i5-13400T:10 | 98:FA:9B | Intel(R) Ethernet Connection (17) I219-LM | Intel(R) UHD Graphics 730 | DDR5`),
  laptop: table(`
Dell Inc. | Latitude 5440 | 13th Gen Intel(R) Core(TM) i5-1345U:10; 13th Gen Intel(R) Core(TM) i7-1365U:10 | F8:BC:12 | Intel(R) Ethernet Connection (17) I219-LM | Intel(R) Iris(R) Xe Graphics | DDR5
LENOVO | 21HES0B600 | 13th Gen Intel(R) Core(TM) i5-1335U:10 | 98:FA:9B | Intel(R) Ethernet Connection (16) I219-V | Intel(R) Iris(R) Xe Graphics | DDR5
HP | HP EliteBook 840 14 inch G10 Notebook PC | 13th Gen Intel(R) Core(TM) i7-1365U:10 | 3C:D9:2B | Intel(R) Ethernet Connection (17) I219-LM | Intel(R) Iris(R) Xe Graphics | DDR5`),
  server: table(`
Dell Inc. | PowerEdge R650 | Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz:16; Intel(R) Xeon(R) Gold 5318Y CPU @ 2.10GHz:24 | B0:7B:25 | Broadcom NetXtreme Gigabit Ethernet | Matrox G200eW3 (Nuvoton) WDDM 2.0 | DDR4
HPE | ProLiant DL380 Gen10 | Intel(R) Xeon(R) Silver 4210R CPU @ 2.40GHz:10; Intel(R) Xeon(R) Gold 6230R CPU @ 2.10GHz:26 | 94:40:C9 | HPE Ethernet 1Gb 4-port 331i Adapter | Matrox G200eH3 | DDR4
${VIRTUAL_WINDOWS}`),
  dc: table(`
Dell Inc. | PowerEdge R450 | Intel(R) Xeon(R) Silver 4310 CPU @ 2.10GHz:12 | B0:7B:25 | Broadcom NetXtreme Gigabit Ethernet | Matrox G200eW3 (Nuvoton) WDDM 2.0 | DDR4
${VIRTUAL_WINDOWS}`),
  mac: table(`
Apple Inc. | MacBookPro18,3 | Apple M1 Pro:8 | F0:18:98 | - | Apple M1 Pro | LPDDR5
Apple Inc. | Mac14,2 | Apple M2:8 | F0:18:98 | - | Apple M2 | LPDDR5
Apple Inc. | Mac14,9 | Apple M2 Pro:10 | F0:18:98 | - | Apple M2 Pro | LPDDR5
Apple Inc. | MacBookPro16,1 | Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz:6 | F0:18:98 | - | AMD Radeon Pro 5300M | DDR4`),
  linux: table(`
Supermicro | SYS-5019C-MR | Intel(R) Xeon(R) E-2234 CPU @ 3.60GHz:4 | AC:1F:6B | eno1 | ASPEED Graphics Family | DDR4
Dell Inc. | PowerEdge R350 | Intel(R) Xeon(R) E-2336 CPU @ 2.90GHz:6 | B0:7B:25 | eno1 | Matrox G200eW3 | DDR4
QEMU | Standard PC (Q35 + ICH9, 2009) | AMD EPYC-Rome Processor:4 | 52:54:00 | ens18 | bochs-drm | DDR4 | virtual`),
  esxi: table(`
Dell Inc. | PowerEdge R750 | Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz:16 | B0:7B:25 | vmnic0 | Matrox G200eW3 | DDR4
HPE | ProLiant DL360 Gen10 Plus | Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz:32 | 94:40:C9 | vmnic0 | Matrox G200eH3 | DDR4`),
  printer: table(`
HP | LaserJet Pro M404dn | | 3C:D9:2B | eth0 | | DDR4
Brother | MFC-L8900CDW | | 00:80:77 | eth0 | | DDR4
Kyocera | ECOSYS M3655idn | | 00:C0:EE | eth0 | | DDR4`),
  network: table(`
Ubiquiti | USW-24-PoE | | 74:83:C2 | eth0 | | DDR4
Cisco | CBS350-24P-4G | | 00:1B:D4 | GigabitEthernet1/0/1 | | DDR4
HPE Aruba | Aruba 2930F-24G | | 94:40:C9 | vlan1 | | DDR4`),
};

const PLATFORMS: Record<DeviceKind, Platform> = {
  desktop: "windows",
  laptop: "windows",
  server: "windows",
  dc: "windows",
  mac: "mac",
  linux: "linux",
  esxi: "esxi",
  printer: "printer",
  network: "network",
};

export const platformOf = (kind: DeviceKind): Platform => PLATFORMS[kind];

/** The machine a device is, chosen by its seed among its kind's models. */
export function modelOf(kind: DeviceKind, seed: number): HardwareModel {
  const models = MODELS[kind];
  const model = models[hash32(seed, "model") % models.length];
  if (!model) throw new Error(`no hardware model for ${kind}`);
  return model;
}
