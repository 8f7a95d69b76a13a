import type { AlertCounts } from "../contract/alerts";
import type { Attention } from "../contract/sites";

export type SiteHealth = {
  devices: number;
  offline: number;
  rebootRequired: number;
  patchProblems: number;
  antivirusProblems: number;
  openAlerts: AlertCounts;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Why a site needs a look, as points the UI can show. Alerts are uncapped (fifty critical alerts
 * must outrank anything); device-state parts are capped so a big healthy-ish site does not drown
 * small sites with real trouble.
 */
export function siteAttention(h: SiteHealth): Attention {
  const offlineRatio = h.devices === 0 ? 0 : h.offline / h.devices;
  const candidates = [
    { label: plural(h.openAlerts.critical, "critical alert"), points: h.openAlerts.critical * 10 },
    { label: plural(h.openAlerts.high, "high alert"), points: h.openAlerts.high * 3 },
    { label: plural(h.openAlerts.moderate, "moderate alert"), points: h.openAlerts.moderate },
    {
      label: `${Math.round(offlineRatio * 100)}% of devices offline (${h.offline} of ${h.devices})`,
      points: Math.round(offlineRatio * 20),
    },
    {
      label: `${plural(h.rebootRequired, "device needs", "devices need")} a reboot`,
      points: Math.min(10, h.rebootRequired),
    },
    {
      label: `${plural(h.patchProblems, "device")} with patch install errors`,
      points: Math.min(20, h.patchProblems * 2),
    },
    {
      // NotDetected counts too: "not running or out of date" would hide machines with no antivirus.
      label: `${plural(h.antivirusProblems, "device")} with antivirus missing, stopped or out of date`,
      points: Math.min(20, h.antivirusProblems * 2),
    },
  ];
  const parts = candidates.filter((p) => p.points > 0).sort((a, b) => b.points - a.points);
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}
