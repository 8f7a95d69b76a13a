import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS } from "@server/contract/permissions";
import { navItemsFor } from "./nav-items";
import { shellRoutes } from "./routes";

const labelsFor = (role: keyof typeof ROLE_PERMISSIONS) =>
  navItemsFor(ROLE_PERMISSIONS[role]).map((item) => item.label);

describe("nav items from the server's permission table", () => {
  it("asks every screen for a permission the server knows", () => {
    for (const route of shellRoutes) expect(PERMISSIONS).toContain(route.needs);
  });

  it("gives each role the screens its permissions open", () => {
    const fleet = ["Alerts", "Sites", "Devices", "Software", "Jobs"];
    expect(labelsFor("viewer")).toEqual(fleet);
    expect(labelsFor("technician")).toEqual(fleet);
    expect(labelsFor("approver")).toEqual([...fleet, "Approvals"]);
    expect(labelsFor("admin")).toEqual([
      ...fleet,
      "Approvals",
      "Audit",
      "Agents",
      "Settings",
      "Users",
      "Walls",
    ]);
  });

  it("shows nothing to a person without permissions", () => {
    expect(navItemsFor([])).toEqual([]);
  });
});
