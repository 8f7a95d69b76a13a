import { z } from "zod";

/** Ordered from least to most: each role can do everything the ones before it can. */
export const ROLES = ["viewer", "technician", "approver", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * For the SPA's navigation until it asks for permissions (`roleHas` in permissions.ts), as the
 * server does; nothing on the server compares roles any more.
 */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
