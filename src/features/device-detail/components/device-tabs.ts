import type { DeviceDetail } from "@server/contract/devices";

/** Alerts first: what needs doing comes before what the machine is. */
export const DEVICE_TABS = ["alerts", "software", "hardware", "network", "jobs"] as const;
export type DeviceTab = (typeof DEVICE_TABS)[number];

/**
 * The tab a device opens on: its open alerts when it has any; else what Datto audits for its
 * class (software for computers, hardware for printers and ESXi hosts); else the alerts, which
 * every class has (network devices have no audit).
 */
export function defaultDeviceTab(
  device: Pick<DeviceDetail, "deviceClass" | "openAlerts">,
): DeviceTab {
  if (device.openAlerts.total > 0) return "alerts";
  if (device.deviceClass === "device") return "software";
  if (device.deviceClass === "printer" || device.deviceClass === "esxihost") return "hardware";
  return "alerts";
}
