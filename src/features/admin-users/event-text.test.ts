import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@server/contract/users";
import { describeEvent } from "./event-text";

const event = (kind: string, detail: AuditEvent["detail"]): AuditEvent => ({
  id: 1,
  at: 0,
  actor: "admin",
  actorKind: "person",
  actorId: "u-admin",
  kind,
  target: "viewer",
  detail,
});

describe("describeEvent", () => {
  it("says what happened in words, not codes", () => {
    expect(describeEvent(event("user.role_changed", { from: "viewer", to: "approver" }))).toEqual({
      action: "changed the role of",
      detail: "from viewer to approver",
    });
    expect(describeEvent(event("auth.login", { ip: "10.0.0.7" }))).toEqual({
      action: "signed in",
      detail: "from 10.0.0.7",
    });
    expect(
      describeEvent(
        event("fleet.udf_labels_changed", {
          before: { udf2: "Backup" },
          after: { udf5: "Asset tag" },
        }),
      ),
    ).toEqual({
      action: "renamed user-defined fields",
      detail: "UDF 2 name removed, UDF 5 named Asset tag",
    });
  });

  it("makes an unknown kind readable and keeps its details", () => {
    expect(describeEvent(event("job.launched", { component: "Clear temp" }))).toEqual({
      action: "job launched",
      detail: "component: Clear temp",
    });
  });
});
