import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../auth/auth-env";
import { validate } from "../auth/validation-hook";
import type { AuditEvent } from "../contract/users";
import { requireRole } from "../middleware/require-role";
import type { Store } from "../store/store";

export const EventQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int("must be a whole number.")
    .min(1, "must be at least 1.")
    .max(500, "can be at most 500.")
    .default(100),
  /** An event id: returns events older than it, for paging back. */
  before: z.coerce.number().int().positive("must be an event id.").optional(),
});

/** Mounted at /api/events; admins only. Newest first. */
export function createEventRoutes({ store }: { store: Store }) {
  return new Hono<AuthEnv>()
    .use("*", requireRole("admin"))
    .get("/", validate("query", EventQuerySchema), (c) => {
      const { limit, before } = c.req.valid("query");
      return c.json(store.events.list({ limit, before }) satisfies AuditEvent[], 200);
    });
}
