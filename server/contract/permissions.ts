import { z } from "zod";
import { ROLES, type Role } from "./roles";

/**
 * What an actor may do. Routes, use-cases and the SPA's navigation ask for a permission, never for
 * a role: the table below is the one place that says who holds which.
 */
export const PERMISSIONS = [
  "fleet:read",
  "fleet:refresh",
  "events:read",
  "alerts:resolve",
  "alerts:claim",
  "jobs:run",
  "proposals:decide",
  "users:manage",
  "agent-tokens:manage",
  "wall-tokens:manage",
  "settings:manage",
  "wall:read",
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/** For messages: "Managing users needs ...". */
export const PERMISSION_LABELS: Record<Permission, string> = {
  "fleet:read": "Reading the fleet (sites, devices, audits, alerts, software)",
  "fleet:refresh": "Refreshing a device or site from Datto",
  "events:read": "Reading the event log",
  "alerts:resolve": "Resolving alerts",
  "alerts:claim": "Claiming alerts",
  "jobs:run": "Running jobs",
  "proposals:decide": "Deciding what agents propose",
  "users:manage": "Managing users",
  "agent-tokens:manage": "Managing agent tokens",
  "wall-tokens:manage": "Managing wall tokens",
  "settings:manage": "Changing settings (policies, the kill switch, UDF names)",
  "wall:read": "Reading the wall summary",
};

/**
 * Who holds each permission. `roles`: the people's roles that hold it. `agent`: whether an agent
 * token may be given it (each token holds only what it was given); an agent never decides
 * proposals and never manages anything. `wall`: a wall token reads its summary and nothing else.
 * `cli`: the operator running `npm run user` on the server itself.
 */
type Holders = { roles: readonly Role[]; agent: boolean; wall: boolean; cli: boolean };

const EVERYONE = ROLES;
const TECHNICIAN_UP: readonly Role[] = ["technician", "approver", "admin"];
const ADMIN: readonly Role[] = ["admin"];

export const PERMISSION_TABLE: Record<Permission, Holders> = {
  "fleet:read": { roles: EVERYONE, agent: true, wall: false, cli: false },
  "fleet:refresh": { roles: TECHNICIAN_UP, agent: true, wall: false, cli: false },
  "events:read": { roles: ADMIN, agent: false, wall: false, cli: false },
  "alerts:resolve": { roles: TECHNICIAN_UP, agent: true, wall: false, cli: false },
  "alerts:claim": { roles: TECHNICIAN_UP, agent: true, wall: false, cli: false },
  "jobs:run": { roles: TECHNICIAN_UP, agent: true, wall: false, cli: false },
  "proposals:decide": { roles: ["approver", "admin"], agent: false, wall: false, cli: false },
  "users:manage": { roles: ADMIN, agent: false, wall: false, cli: true },
  "agent-tokens:manage": { roles: ADMIN, agent: false, wall: false, cli: false },
  "wall-tokens:manage": { roles: ADMIN, agent: false, wall: false, cli: false },
  "settings:manage": { roles: ADMIN, agent: false, wall: false, cli: false },
  "wall:read": { roles: EVERYONE, agent: false, wall: true, cli: false },
};

const holdersOf = (test: (h: Holders) => boolean): readonly Permission[] =>
  PERMISSIONS.filter((p) => test(PERMISSION_TABLE[p]));

/** Every permission of each role, derived from the table. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = Object.fromEntries(
  ROLES.map((role) => [role, holdersOf((h) => h.roles.includes(role))]),
) as Record<Role, readonly Permission[]>;

/** The most an agent token can be given. */
export const AGENT_GRANTABLE: readonly Permission[] = holdersOf((h) => h.agent);
export const WALL_PERMISSIONS: readonly Permission[] = holdersOf((h) => h.wall);
export const CLI_PERMISSIONS: readonly Permission[] = holdersOf((h) => h.cli);

export const roleHas = (role: Role, permission: Permission): boolean =>
  PERMISSION_TABLE[permission].roles.includes(role);
