import { Hono } from "hono";
import { z } from "zod";
import type { AlertQueue } from "../alerts/alert-queue";
import { alertsToCsv } from "../alerts/alert-csv";
import type { AlertLastLook } from "../alerts/last-look";
import type { AlertClaims } from "../alerts/claim-alert";
import { queryQueue } from "../alerts/queue-query";
import type { AlertResolver } from "../alerts/resolve-alert";
import { actorId, type Actor, type AppEnv } from "../contract/actor";
import {
  alertSourceOf,
  AlertQueueQuerySchema,
  BulkResolveBodySchema,
  ClaimBodySchema,
  type AlertDetailResponse,
  type AlertQueueQuery,
  type AlertQueueResponse,
} from "../contract/alerts";
import type { DattoApi } from "../datto/api/create-datto-api";
import { mapAlert, mapAlertExtras } from "../fleet/map-alert";
import type { FleetIndex } from "../fleet/fleet-index";
import type { Clock } from "../lib/clock";
import { dattoErrorOrRethrow } from "../middleware/datto-errors";
import { apiError } from "../middleware/errors";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard } from "../middleware/route-guard";
import { validate } from "../middleware/validate";
import { UidParamSchema } from "./route-params";

export type AlertRoutesDeps = {
  alerts: AlertQueue;
  resolver: AlertResolver;
  claims: AlertClaims;
  lastLook: AlertLastLook;
  fleet: FleetIndex;
  datto: DattoApi;
  clock: Clock;
  guard: Guard;
};

/** Words of this API under /api/alerts/: never an alert uid, never sent to Datto as one. */
const NOT_ALERT_UIDS = new Set(["resolve", "resolve-batches", "last-look", "export.csv"]);

const BatchParamSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, "That is not a resolve run id."),
});

/**
 * Mounted at /api/alerts: the triage queue. Lists come from the one poller's copy (no Datto call
 * per viewer); resolving calls Datto; claims are ours.
 */
export function createAlertRoutes(deps: AlertRoutesDeps) {
  const { alerts, resolver, claims, lastLook, fleet, datto, clock, guard } = deps;

  async function list(query: AlertQueueQuery, actor: Actor, unlimited = false) {
    const resolved = query.state === "resolved";
    const rows = resolved ? await alerts.resolvedRows() : await alerts.openRows();
    const seen = await lastLook.of(actor);
    const answer = queryQueue(rows, query, {
      now: clock.now(),
      me: actorId(actor),
      lastLook: seen,
      unlimited,
    });
    const sites = new Map<string, string>();
    const classes = new Set<string>();
    for (const { alert } of rows) {
      if (alert.siteUid) sites.set(alert.siteUid, alert.siteName ?? alert.siteUid);
      classes.add(alert.contextClass ?? "none");
    }
    const body: AlertQueueResponse = {
      alerts: answer.alerts,
      total: answer.total,
      offset: answer.offset,
      limit: answer.limit,
      groups: answer.groups,
      lastLook: seen,
      newCount: answer.newCount,
      counts: answer.counts,
      classes: [...classes].sort(),
      sites: [...sites]
        .map(([uid, name]) => ({ uid, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      freshness: alerts.freshness(),
    };
    return body;
  }

  return (
    new Hono<AppEnv>()
      .get(
        "/",
        ...guard({ needs: "fleet:read" }, validate("query", AlertQueueQuerySchema)),
        async (c) => c.json(await list(c.req.valid("query"), actorOf(c)), 200),
      )
      // Before "/:uid": "last-look" is not an alert.
      .get("/last-look", ...guard({ needs: "fleet:read", peopleOnly: true }), async (c) =>
        c.json({ at: await lastLook.of(actorOf(c)) }, 200),
      )
      .put("/last-look", ...guard({ needs: "fleet:read", peopleOnly: true }), async (c) => {
        const outcome = await lastLook.mark(actorOf(c));
        if (!outcome.ok) return refusalResponse(c, outcome);
        return c.json({ at: outcome.at }, 200);
      })
      .get(
        "/export.csv",
        ...guard({ needs: "fleet:read" }, validate("query", AlertQueueQuerySchema)),
        async (c) => {
          const body = await list(c.req.valid("query"), actorOf(c), true);
          const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:T]/g, "");
          return c.body(alertsToCsv(body.alerts), 200, {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="alerts-${stamp}.csv"`,
          });
        },
      )
      .post(
        "/resolve",
        ...guard(
          { needs: "alerts:resolve", callsDatto: true },
          validate("json", BulkResolveBodySchema),
        ),
        (c) => {
          const outcome = resolver.startBatch(actorOf(c), { alertUids: c.req.valid("json").uids });
          if (!outcome.ok) return refusalResponse(c, outcome);
          return c.json({ batch: outcome.batch }, 202);
        },
      )
      .get(
        "/resolve-batches/:id",
        ...guard({ needs: "alerts:resolve" }, validate("param", BatchParamSchema)),
        (c) => {
          const outcome = resolver.batch(actorOf(c), c.req.valid("param").id);
          if (!outcome.ok) return refusalResponse(c, outcome);
          return c.json({ batch: outcome.batch }, 200);
        },
      )
      .get(
        "/:uid",
        ...guard(
          {
            needs: "fleet:read",
            // An open alert is served from the poller's copy; any other is read from Datto.
            callsDatto: (c) => {
              const uid = c.req.param("uid") ?? "";
              return !NOT_ALERT_UIDS.has(uid) && !alerts.openAlert(uid);
            },
          },
          validate("param", UidParamSchema),
        ),
        async (c) => {
          const { uid } = c.req.valid("param");
          if (NOT_ALERT_UIDS.has(uid)) return apiError(c, 404, "not_found", "No such alert.");
          let alert = await alerts.openDetail(uid);
          let freshness = alerts.freshness();
          if (!alert) {
            // Resolved lately, or newer than the last poll: Datto has the whole alert.
            try {
              const read = await datto.getAlert(uid, { priority: "interactive" });
              const mapped = mapAlert(read.data, read.fetchedAt);
              const record = (await alerts.recentlyResolved()).find((a) => a.alertUid === uid);
              alert = {
                ...alertSourceOf(mapped),
                firstSeenAt: record?.firstSeenAt ?? read.fetchedAt,
                claim: null,
                resolveOutcome: null,
                resolved: mapped.resolved,
                resolution:
                  record?.resolution ??
                  (mapped.resolved
                    ? {
                        via: "datto",
                        by: mapped.resolvedBy,
                        at: mapped.resolvedOn ?? read.fetchedAt,
                      }
                    : null),
                ...mapAlertExtras(read.data),
              };
              freshness = { fetchedAt: read.fetchedAt, stale: read.stale, reason: null };
            } catch (error) {
              return dattoErrorOrRethrow(c, error);
            }
          }
          const index = alert.deviceUid
            ? fleet.snapshot().deviceIndex.get(alert.deviceUid)
            : undefined;
          const row = index === undefined ? null : fleet.snapshot().devices[index]!;
          const others = alert.deviceUid
            ? (await alerts.openOfDevice(alert.deviceUid)).filter((a) => a.alertUid !== uid)
            : [];
          const body: AlertDetailResponse = {
            alert,
            device: row
              ? {
                  uid: row.uid,
                  hostname: row.hostname,
                  online: row.online,
                  lastSeen: row.lastSeen,
                  deviceClass: row.deviceClass,
                }
              : null,
            otherAlerts: queryQueue(
              others.map((a) => ({ alert: a, text: "" })),
              {},
              { now: clock.now(), me: null, unlimited: true },
            ).alerts,
            freshness,
          };
          return c.json(body, 200);
        },
      )
      .post(
        "/:uid/resolve",
        ...guard({ needs: "alerts:resolve", callsDatto: true }, validate("param", UidParamSchema)),
        async (c) => {
          const outcome = await resolver.resolveAlert(actorOf(c), {
            alertUid: c.req.valid("param").uid,
          });
          if (!outcome.ok) return refusalResponse(c, outcome);
          return c.json({ result: outcome.result }, 200);
        },
      )
      .post(
        "/:uid/claim",
        ...guard(
          { needs: "alerts:claim" },
          validate("param", UidParamSchema),
          validate("json", ClaimBodySchema),
        ),
        async (c) => {
          const outcome = await claims.claimAlert(actorOf(c), {
            alertUid: c.req.valid("param").uid,
            note: c.req.valid("json").note ?? null,
          });
          if (!outcome.ok) return refusalResponse(c, outcome);
          return c.json({ claim: outcome.claim }, 200);
        },
      )
      .delete(
        "/:uid/claim",
        ...guard({ needs: "alerts:claim" }, validate("param", UidParamSchema)),
        async (c) => {
          const outcome = await claims.releaseAlert(actorOf(c), {
            alertUid: c.req.valid("param").uid,
          });
          if (!outcome.ok) return refusalResponse(c, outcome);
          return c.body(null, 204);
        },
      )
  );
}
