import { describe, expect, it } from "vitest";
import { buildSiteRow, type SiteBase } from "./site-rows";
import { makeDeviceRow } from "../testing/make-device-row";

const site = (name: string): SiteBase => ({
  uid: name.toLowerCase().replace(/\W+/g, "-"),
  name,
  description: null,
  portalUrl: null,
  notes: null,
  autotaskCompanyName: null,
});

const troubled = [
  makeDeviceRow({ uid: "a", online: false, antivirusStatus: "NotDetected" }),
  makeDeviceRow({ uid: "b", antivirusStatus: "NotRunning", patchStatus: "InstallError" }),
];

describe("buildSiteRow", () => {
  it("counts a device with no antivirus detected as an antivirus problem, and says so", () => {
    const row = buildSiteRow(site("Acme"), troubled);
    expect(row.antivirusProblems).toBe(2);
    expect(row.attention.parts.map((p) => p.label)).toContain(
      "2 devices with antivirus missing, stopped or out of date",
    );
    expect(row.isDeletedDevices).toBe(false);
  });

  it("marks Datto's Deleted Devices site and never ranks it by attention", () => {
    const row = buildSiteRow(site("Deleted Devices"), troubled);
    expect(row.isDeletedDevices).toBe(true);
    expect(row.devices).toBe(2);
    expect(row.attention).toEqual({ score: 0, parts: [] });
  });
});
