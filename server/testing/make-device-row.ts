import type { DeviceRow } from "../contract/devices";
import { emptyAlertCounts } from "../fleet/alert-counts";

/** A plain device row for pure tests of the query engine; override what the test is about. */
export function makeDeviceRow(overrides: Partial<DeviceRow> & { uid: string }): DeviceRow {
  return {
    hostname: overrides.uid.toUpperCase(),
    siteUid: "site-a",
    siteName: "Site A",
    deviceClass: "device",
    deviceType: { category: "Desktop", type: "Desktop" },
    operatingSystem: "Windows 11 Pro",
    online: true,
    lastSeen: null,
    lastReboot: null,
    lastAuditDate: null,
    lastLoggedInUser: null,
    intIpAddress: null,
    extIpAddress: null,
    description: null,
    domain: null,
    rebootRequired: false,
    suspended: false,
    patchStatus: null,
    antivirusStatus: null,
    antivirusProduct: null,
    warrantyDate: null,
    udf: {},
    openAlerts: emptyAlertCounts(),
    ...overrides,
  };
}
