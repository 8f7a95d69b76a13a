import type { AuditEvent } from "@server/contract/users";

type Detail = NonNullable<AuditEvent["detail"]>;
type Described = { action: string; detail: string | null };

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** "UDF 5 named Asset tag, UDF 2 name removed": what a UDF label change did. */
function udfChanges(detail: Detail): string | null {
  const before = (detail.before ?? {}) as Record<string, string>;
  const after = (detail.after ?? {}) as Record<string, string>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => Number(a.slice(3)) - Number(b.slice(3)),
  );
  const changes = keys.flatMap((key) => {
    const name = key.replace(/^udf/, "UDF ");
    if (before[key] === after[key]) return [];
    return after[key] ? [`${name} named ${after[key]}`] : [`${name} name removed`];
  });
  return changes.length > 0 ? changes.join(", ") : null;
}

function signedOut(detail: Detail): string | null {
  const n = detail.sessionsRevoked;
  return typeof n === "number" && n > 0 ? `ended ${n} session${n === 1 ? "" : "s"}` : null;
}

const KNOWN: Record<string, (detail: Detail) => Described> = {
  "auth.login": (d) => ({ action: "signed in", detail: d.ip ? `from ${text(d.ip)}` : null }),
  "auth.login_failed": (d) => ({
    action: "failed sign-in",
    detail: d.ip ? `from ${text(d.ip)}` : null,
  }),
  "auth.logout": () => ({ action: "signed out", detail: null }),
  "user.created": (d) => ({ action: "created user", detail: d.role ? `as ${text(d.role)}` : null }),
  "user.role_changed": (d) => ({
    action: "changed the role of",
    detail: `from ${text(d.from)} to ${text(d.to)}`,
  }),
  "user.disabled": (d) => ({ action: "disabled", detail: signedOut(d) }),
  "user.enabled": () => ({ action: "enabled", detail: null }),
  "user.password_reset": (d) => ({ action: "reset the password of", detail: signedOut(d) }),
  "fleet.udf_labels_changed": (d) => ({
    action: "renamed user-defined fields",
    detail: udfChanges(d),
  }),
};

/**
 * An event of the log in words ("changed the role of viewer: from viewer to approver"). A kind
 * this screen does not know yet reads as its code made plain, with its details as key: value.
 */
export function describeEvent(event: AuditEvent): Described {
  const known = KNOWN[event.kind];
  if (known) return known(event.detail ?? {});
  const action = event.kind.replace(/[._]/g, " ");
  const detail = event.detail
    ? Object.entries(event.detail)
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join(", ")
    : null;
  return { action, detail };
}
