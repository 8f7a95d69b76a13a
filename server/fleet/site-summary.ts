import type { DeviceRow } from "../contract/devices";
import type { SiteDetail } from "../contract/sites";
import type { FleetSnapshot } from "./fleet-snapshot";

type Counts = SiteDetail["summary"]["byDeviceClass"];

function countBy(devices: readonly DeviceRow[], value: (d: DeviceRow) => string | null): Counts {
  const counts = new Map<string, number>();
  for (const d of devices) {
    const key = value(d) ?? "Unknown";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([v, count]) => ({ value: v, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A site's row plus what its page summarises; null when the snapshot has no such site. */
export function siteDetail(
  snapshot: FleetSnapshot,
  uid: string,
): Omit<SiteDetail, "freshness"> | null {
  const row = snapshot.siteRowIndex.get(uid);
  const site = snapshot.siteIndex.get(uid);
  if (!row || !site) return null;
  const devices = snapshot.devices.filter((d) => d.siteUid === uid);
  return {
    ...row,
    portalUrl: site.portalUrl,
    notes: site.notes,
    autotaskCompanyName: site.autotaskCompanyName,
    summary: {
      byDeviceClass: countBy(devices, (d) => d.deviceClass),
      byOperatingSystem: countBy(devices, (d) => d.operatingSystem).slice(0, 10),
      byPatchStatus: countBy(devices, (d) => d.patchStatus),
      byAntivirusStatus: countBy(devices, (d) => d.antivirusStatus),
    },
  };
}
