import { can, type Actor } from "../contract/actor";
import { PERMISSION_LABELS, PERMISSION_TABLE, type Permission } from "../contract/permissions";
import { ROLES, type Role } from "../contract/roles";
import { refusal, type Refusal } from "../lib/outcome";

const article = (role: Role) => (role === "approver" || role === "admin" ? "an" : "a");

/** "an approver role or higher", "the admin role": the roles that hold the permission. */
function rolesNeeded(permission: Permission): string {
  const holders = PERMISSION_TABLE[permission].roles;
  const lowest = ROLES.find((r) => holders.includes(r));
  if (lowest === undefined) return "a role no person has";
  if (lowest === "admin") return "the admin role";
  const isSuffix = ROLES.slice(ROLES.indexOf(lowest)).every((r) => holders.includes(r));
  return isSuffix
    ? `${article(lowest)} ${lowest} role or higher`
    : `one of the roles ${holders.join(", ")}`;
}

/** Why `actor` may not do what `permission` allows, in words the actor can act on. */
export function forbiddenMessage(actor: Actor, permission: Permission): string {
  const what = PERMISSION_LABELS[permission];
  switch (actor.kind) {
    case "person":
      return `${what} needs ${rolesNeeded(permission)}; you are signed in as ${article(actor.role)} ${actor.role}. Ask an admin if you need more access.`;
    case "agent":
      return `${what} is not allowed with the agent token "${actor.name}".`;
    case "wall":
      return "A wall token can only read the wall summary.";
    case "cli":
      return `${what} cannot be done from the command line.`;
  }
}

/**
 * The check every use-case makes first: null when `actor` holds `permission`, else a refusal.
 * Routes check the same rule before validating input; this is the defence in depth that keeps MCP
 * tools and the approvals executor from skipping it.
 */
export function authorize(actor: Actor, permission: Permission): Refusal | null {
  if (can(actor, permission)) return null;
  return refusal("forbidden", "forbidden", forbiddenMessage(actor, permission));
}
