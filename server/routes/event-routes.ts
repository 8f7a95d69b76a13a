import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import { optionalParam } from "../contract/query-params";
import type { AuditEvent } from "../contract/users";
import type { Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { EventRepo } from "../store/port/event-repo";

/** Blank params are absent, as on every query string (server/contract/query-params.ts). */
const EventQuerySchema = z.object({
  limit: optionalParam(
    z.coerce
      .number()
      .int("must be a whole number.")
      .min(1, "must be at least 1.")
      .max(500, "can be at most 500."),
  ),
  /** An event id: returns events older than it, for paging back. */
  before: optionalParam(z.coerce.number().int().positive("must be an event id.")),
});

/** Mounted at /api/events: the event log, newest first. */
export function createEventRoutes({ events, guard }: { events: EventRepo; guard: Guard }) {
  return new Hono<AppEnv>().get(
    "/",
    ...guard({ needs: "events:read" }, validate("query", EventQuerySchema)),
    async (c) => {
      const { limit = 100, before } = c.req.valid("query");
      const body: AuditEvent[] = await events.list({ limit, before });
      return c.json(body, 200);
    },
  );
}
