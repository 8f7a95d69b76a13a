import { GB, rngOf } from "./hardware";
import { modelOf } from "./hardware-models";
import { intBetween, pick } from "./prng";
import type { DeviceRec } from "./tenant-types";

/** SNMP enterprise numbers of the printer makers. */
const PRINTER_OIDS: Record<string, string> = {
  HP: "1.3.6.1.4.1.11.2.3.9.1",
  Brother: "1.3.6.1.4.1.2435.2.3.9.1",
  Kyocera: "1.3.6.1.4.1.1347.41",
};

/** Audits of the agentless classes (printers over SNMP, ESXi hosts), derived from the seed. */
export function printerAudit(device: DeviceRec, portalUrl: string) {
  const rng = rngOf(device, "printer");
  const { manufacturer, model } = modelOf(device.kind, device.seed);
  const supplies = ["Black Toner", "Cyan Toner", "Magenta Toner", "Yellow Toner"].slice(
    0,
    manufacturer === "HP" ? 1 : 4,
  );
  return {
    portalUrl,
    snmpInfo: {
      snmpName: device.hostname,
      snmpContact: "it@customer.example",
      snmpDescription: `${manufacturer} ${model}`,
      snmpLocation: pick(rng, ["Reception", "Office 2F", "Warehouse"]),
      snmpUptime: `${intBetween(rng, 1, 90)} days`,
      nicManufacturer: manufacturer,
      objectId: PRINTER_OIDS[manufacturer] ?? "1.3.6.1.4.1",
      snmpSerial: `VNB${intBetween(rng, 100000, 999999)}`,
    },
    printerMarkerSupplies: supplies.map((description) => ({
      description,
      maxCapacity: "100",
      suppliesLevel: String(intBetween(rng, 2, 100)),
    })),
    printer: { printedPageCount: intBetween(rng, 1_000, 250_000) },
    systemInfo: { manufacturer, model },
    nics: [
      {
        instance: "eth0",
        ipv4: device.intIp,
        ipv6: null,
        macAddress: device.mac,
        type: "Ethernet",
      },
    ],
  };
}

export function esxiAudit(device: DeviceRec, portalUrl: string) {
  const rng = rngOf(device, "esxi");
  const host = modelOf(device.kind, device.seed);
  const [cpu, cores] = host.cpus[0] ?? ["", 0];
  const guests = intBetween(rng, 3, 12);
  const datastores = Array.from({ length: intBetween(rng, 1, 3) }, (_, i) => {
    const size = pick(rng, [2, 4, 8]) * 1024 * GB;
    return {
      datastoreName: `datastore${i + 1}`,
      subscriptionPercent: intBetween(rng, 40, 160),
      freeSpace: Math.floor(size * rng() * 0.6),
      size,
      fileSystem: "VMFS-6",
      status: "normal",
      dataExtents: [
        {
          name: `naa.6000c29${intBetween(rng, 100000, 999999)}`,
          size,
          mediaType: "SSD",
          status: "ok",
        },
      ],
    };
  });
  return {
    portalUrl,
    systemInfo: {
      manufacturer: host.manufacturer,
      model: host.model,
      name: device.hostname.toLowerCase(),
      numberOfSnapshots: intBetween(rng, 0, 9),
      serviceTag: `${intBetween(rng, 1000000, 9999999)}`,
    },
    guests: Array.from({ length: guests }, (_, i) => ({
      guestName: `${device.hostname.split("-")[0]}-VM${String(i + 1).padStart(2, "0")}`,
      processorSpeedTotal: intBetween(rng, 2000, 9000),
      memorySizeTotal: pick(rng, [4, 8, 16, 32]) * 1024,
      numberOfSnapshots: intBetween(rng, 0, 3),
      datastores: "datastore1",
    })),
    processors: [
      { frequency: Number(/@ ([\d.]+)GHz/.exec(cpu)?.[1] ?? 0), name: cpu, numberOfCores: cores },
    ],
    nics: [
      {
        name: "vmnic0",
        ipv4: device.intIp,
        ipv6: null,
        macAddress: device.mac,
        speed: "10000",
        type: "Ethernet",
      },
    ],
    physicalMemory: Array.from({ length: 8 }, (_, i) => ({
      module: `DIMM A${i + 1}`,
      size: 32 * GB,
      type: "DDR4",
      speed: "3200",
      serialNumber: `${intBetween(rng, 10000000, 99999999)}`,
      partNumber: "HMA84GR7DJR4N-XN",
      bank: `${i}`,
    })),
    datastores,
  };
}
