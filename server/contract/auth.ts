import { z } from "zod";
import { RoleSchema } from "./roles";

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1, "Enter your username.").max(100),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** GET /api/me and the body of a successful POST /api/auth/login. */
export const MeSchema = z.object({ user: SessionUserSchema });
export type Me = z.infer<typeof MeSchema>;

/** GET /api/auth/config: public, what the login page needs before anyone has signed in. */
export const AuthConfigSchema = z.object({
  mode: z.enum(["demo", "live"]),
  /** Listed on the login page in demo mode only; null in live mode. */
  demoAccounts: z
    .array(z.object({ username: z.string(), role: RoleSchema, password: z.string() }))
    .nullable(),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;
