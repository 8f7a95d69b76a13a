import type { DeviceAudit, Nic } from "../contract/device-audit";
import type { Freshness } from "../contract/freshness";
import type { DattoDeviceAudit, DattoEsxiAudit, DattoPrinterAudit } from "../datto/schemas/audit";

type Rec = Record<string, unknown>;

/** An absurd timestamp must not throw (toISOString RangeError) and break the whole audit. */
const isoDate = (ms: number | null | undefined) => {
  if (ms === null || ms === undefined) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** ESXi and printer audits arrive as loose records: read each field defensively. */
const s = (r: Rec | null | undefined, key: string): string | null => {
  const value = r?.[key];
  return value === null || value === undefined || value === "" ? null : String(value);
};
const n = (r: Rec | null | undefined, key: string): number | null => {
  const value = r?.[key];
  const num = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(num) ? num : null;
};
const recs = (list: unknown): Rec[] =>
  Array.isArray(list) ? list.filter((x): x is Rec => typeof x === "object" && x !== null) : [];

const nic = (r: Rec): Nic => ({
  name: s(r, "name") ?? s(r, "instance"),
  ipv4: s(r, "ipv4"),
  ipv6: s(r, "ipv6"),
  macAddress: s(r, "macAddress"),
  type: s(r, "type"),
  speed: s(r, "speed"),
});

const memory = (r: Rec) => ({
  module: s(r, "module"),
  size: n(r, "size"),
  type: s(r, "type"),
  speed: s(r, "speed"),
  serialNumber: s(r, "serialNumber"),
  partNumber: s(r, "partNumber"),
  bank: s(r, "bank"),
});

export function mapDeviceAudit(a: DattoDeviceAudit, freshness: Freshness): DeviceAudit {
  const sys = a.systemInfo;
  return {
    kind: "device",
    systemInfo: {
      manufacturer: sys?.manufacturer ?? null,
      model: sys?.model ?? null,
      totalPhysicalMemory: sys?.totalPhysicalMemory ?? null,
      username: sys?.username ?? null,
      dotNetVersion: sys?.dotNetVersion ?? null,
      totalCpuCores: sys?.totalCpuCores ?? null,
    },
    bios: {
      instance: a.bios?.instance ?? null,
      releaseDate: isoDate(a.bios?.releaseDate),
      serialNumber: a.bios?.serialNumber ?? null,
      smBiosVersion: a.bios?.smBiosVersion ?? null,
    },
    baseBoard: {
      manufacturer: a.baseBoard?.manufacturer ?? null,
      product: a.baseBoard?.product ?? null,
    },
    processors: (a.processors ?? []).map((p) => ({ name: p.name ?? null })),
    physicalMemory: (a.physicalMemory ?? []).map((m) => memory(m as Rec)),
    logicalDisks: (a.logicalDisks ?? []).map((d) => ({
      description: d.description ?? null,
      diskIdentifier: d.diskIdentifier ?? null,
      size: d.size,
      free: d.freespace,
      usedPercent:
        d.size && d.freespace !== null && d.size > 0
          ? Math.round(((d.size - d.freespace) / d.size) * 1000) / 10
          : null,
    })),
    displays: (a.displays ?? []).map((d) => ({
      instance: d.instance ?? null,
      screenWidth: d.screenWidth,
      screenHeight: d.screenHeight,
    })),
    videoBoards: (a.videoBoards ?? []).map((b) => ({ displayAdapter: b.displayAdapter ?? null })),
    nics: (a.nics ?? []).map((x) => nic(x as Rec)),
    freshness,
  };
}

export function mapEsxiAudit(a: DattoEsxiAudit, freshness: Freshness): DeviceAudit {
  const sys = a.systemInfo;
  return {
    kind: "esxihost",
    systemInfo: {
      manufacturer: s(sys, "manufacturer"),
      model: s(sys, "model"),
      name: s(sys, "name"),
      numberOfSnapshots: n(sys, "numberOfSnapshots"),
      serviceTag: s(sys, "serviceTag"),
    },
    processors: recs(a.processors).map((p) => ({
      name: s(p, "name"),
      frequency: n(p, "frequency"),
      numberOfCores: n(p, "numberOfCores"),
    })),
    physicalMemory: recs(a.physicalMemory).map(memory),
    nics: recs(a.nics).map(nic),
    datastores: recs(a.datastores).map((d) => ({
      datastoreName: s(d, "datastoreName"),
      subscriptionPercent: n(d, "subscriptionPercent"),
      freeSpace: n(d, "freeSpace"),
      size: n(d, "size"),
      fileSystem: s(d, "fileSystem"),
      status: s(d, "status"),
    })),
    guests: recs(a.guests).map((g) => ({
      guestName: s(g, "guestName"),
      processorSpeedTotal: n(g, "processorSpeedTotal"),
      memorySizeTotal: n(g, "memorySizeTotal"),
      numberOfSnapshots: n(g, "numberOfSnapshots"),
      datastores: s(g, "datastores"),
    })),
    freshness,
  };
}

export function mapPrinterAudit(a: DattoPrinterAudit, freshness: Freshness): DeviceAudit {
  return {
    kind: "printer",
    systemInfo: { manufacturer: s(a.systemInfo, "manufacturer"), model: s(a.systemInfo, "model") },
    printedPageCount: a.printer?.printedPageCount ?? null,
    markerSupplies: (a.printerMarkerSupplies ?? []).map((m) => ({
      description: m.description ?? null,
      maxCapacity: m.maxCapacity == null ? null : String(m.maxCapacity),
      suppliesLevel: m.suppliesLevel == null ? null : String(m.suppliesLevel),
    })),
    nics: recs(a.nics).map(nic),
    freshness,
  };
}
