import { z } from "zod";
import { ACTOR_KINDS } from "./actor";
import { RoleSchema } from "./roles";

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const PasswordSchema = z
  .string()
  .min(8, "Passwords need at least 8 characters.")
  .max(200, "Passwords can have at most 200 characters.");

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      USERNAME_PATTERN,
      "Usernames are 2-64 characters: lowercase letters, digits, dot, dash, underscore.",
    ),
  password: PasswordSchema,
  role: RoleSchema,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .refine(
    (v) => v.role !== undefined || v.disabled !== undefined,
    "Nothing to change: send role or disabled.",
  );
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({ password: PasswordSchema });

/**
 * One row of the append-only event table (who did what, when). Later issues add kinds. `actor` is
 * the name the log shows; `actorKind` and `actorId` (user or token id; null for the CLI) say which
 * one it was. All three are null when nobody was signed in (a failed sign-in), and the last two
 * for events recorded before the log kept them.
 */
export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.number(),
  actor: z.string().nullable(),
  actorKind: z.enum(ACTOR_KINDS).nullable(),
  actorId: z.string().nullable(),
  kind: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
