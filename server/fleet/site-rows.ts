import type { DeviceRow } from "../contract/devices";
import { DELETED_DEVICES_SITE, type SiteRow } from "../contract/sites";
import { addCounts, emptyAlertCounts } from "./alert-counts";
import { siteAttention } from "./site-attention";

/** What the snapshot keeps of a Datto site (the rest is computed from its devices). */
export type SiteBase = {
  uid: string;
  name: string;
  description: string | null;
  portalUrl: string | null;
  notes: string | null;
  autotaskCompanyName: string | null;
};

const PATCH_PROBLEMS = new Set(["InstallError"]);
const AV_PROBLEMS = new Set(["RunningAndNotUpToDate", "NotRunning", "NotDetected"]);

const isPatchProblem = (d: DeviceRow) =>
  d.patchStatus !== null && PATCH_PROBLEMS.has(d.patchStatus);
const isAntivirusProblem = (d: DeviceRow) =>
  d.antivirusStatus !== null && AV_PROBLEMS.has(d.antivirusStatus);

export function buildSiteRow(site: SiteBase, devices: readonly DeviceRow[]): SiteRow {
  const openAlerts = emptyAlertCounts();
  let online = 0;
  let rebootRequired = 0;
  let patchProblems = 0;
  let antivirusProblems = 0;
  for (const d of devices) {
    if (d.online) online += 1;
    if (d.rebootRequired) rebootRequired += 1;
    if (isPatchProblem(d)) patchProblems += 1;
    if (isAntivirusProblem(d)) antivirusProblems += 1;
    addCounts(openAlerts, d.openAlerts);
  }
  const health = {
    devices: devices.length,
    offline: devices.length - online,
    rebootRequired,
    patchProblems,
    antivirusProblems,
    openAlerts,
  };
  const isDeletedDevices = site.name === DELETED_DEVICES_SITE;
  return {
    uid: site.uid,
    name: site.name,
    description: site.description,
    isDeletedDevices,
    online,
    ...health,
    // Deleted devices need no care: their site must not top the attention ranking.
    attention: isDeletedDevices ? { score: 0, parts: [] } : siteAttention(health),
  };
}
