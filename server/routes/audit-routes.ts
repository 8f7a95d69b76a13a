import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import {
  AuditQuerySchema,
  type AuditChain,
  type AuditPage,
  type AuditQuery,
} from "../contract/audit";
import { csvCell } from "../contract/csv";
import type { Clock } from "../lib/clock";
import type { Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import type { EventFilter, EventRepo } from "../store/port/event-repo";

const READ = { needs: "events:read" } as const;
const EXPORT_MAX = 50_000;

const filterOf = (q: AuditQuery): EventFilter => ({
  ...(q.kind ? { kind: q.kind } : {}),
  ...(q.actorKind ? { actorKind: q.actorKind } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.target ? { target: q.target } : {}),
  ...(q.since !== undefined ? { since: q.since } : {}),
  ...(q.until !== undefined ? { until: q.until } : {}),
});

/** Mounted at /api/audit: the append-only, hash-chained audit log, filtered, as CSV, verified. */
export function createAuditRoutes({
  events,
  clock,
  guard,
}: {
  events: EventRepo;
  clock: Clock;
  guard: Guard;
}) {
  return new Hono<AppEnv>()
    .get("/", ...guard(READ, validate("query", AuditQuerySchema)), async (c) => {
      const q = c.req.valid("query");
      const limit = q.limit ?? 100;
      const rows = await events.list({
        limit: limit + 1,
        ...(q.before ? { before: q.before } : {}),
        ...filterOf(q),
      });
      const page = rows.slice(0, limit);
      const body: AuditPage = {
        events: page,
        nextBefore: rows.length > limit ? page.at(-1)!.id : null,
      };
      return c.json(body, 200);
    })
    .get("/export.csv", ...guard(READ, validate("query", AuditQuerySchema)), async (c) => {
      const q = c.req.valid("query");
      const rows = await events.list({
        limit: EXPORT_MAX,
        ...(q.before ? { before: q.before } : {}),
        ...filterOf(q),
      });
      const lines = [
        ["id", "at", "actor", "actorKind", "kind", "target", "detail"].map(csvCell).join(","),
        ...rows.map((e) =>
          [
            e.id,
            new Date(e.at).toISOString(),
            e.actor,
            e.actorKind,
            e.kind,
            e.target,
            e.detail ? JSON.stringify(e.detail) : null,
          ]
            .map(csvCell)
            .join(","),
        ),
      ];
      const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, "");
      return c.body(`${lines.join("\r\n")}\r\n`, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      });
    })
    .get("/verify", ...guard(READ), async (c) => {
      const check = await events.verifyChain();
      const body: AuditChain = {
        checked: check.checked,
        intact: check.broken === null,
        brokenAt: check.broken?.id ?? null,
        problem: check.broken?.problem ?? null,
      };
      return c.json(body, 200);
    });
}
