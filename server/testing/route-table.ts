import { ApiErrorSchema } from "../contract/errors";
import { ruleOf, type RouteRule } from "../middleware/route-guard";
import type { TestApp } from "./create-test-app";

/*
 * The API's routes as the generated route test (server/routes/route-rules.test.ts) sees them:
 * what the app declares, and sample requests per route. A route added to the app without samples
 * here fails that test.
 */

export type Route = { name: string; method: string; rule: RouteRule };

/** Every method and path of the app's API with the rule its guard declares. */
export function declaredRoutes(t: TestApp): { routes: Route[]; unguarded: string[] } {
  const byName = new Map<string, { method: string; rule: RouteRule | undefined }>();
  for (const r of t.app.routes) {
    if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
    const name = `${r.method} ${r.path}`;
    const rule = ruleOf(r.handler) ?? byName.get(name)?.rule;
    byName.set(name, { method: r.method, rule });
  }
  const routes: Route[] = [];
  const unguarded: string[] = [];
  for (const [name, { method, rule }] of byName) {
    if (rule) routes.push({ name, method, rule });
    else unguarded.push(name);
  }
  // Logout ends the session it is called with: run it last.
  routes.sort((a, b) => Number(a.name.endsWith("/logout")) - Number(b.name.endsWith("/logout")));
  return { routes, unguarded };
}

export type Verdict = "allowed" | "unauthenticated" | "forbidden";

/** What the guard said: its 401 and 403 carry these codes (others are the route's own answers). */
export async function verdictOf(res: Response): Promise<Verdict> {
  const parsed = ApiErrorSchema.safeParse(
    await res
      .clone()
      .json()
      .catch(() => null),
  );
  const code = parsed.success ? parsed.data.error.code : null;
  if (res.status === 401 && code === "unauthenticated") return "unauthenticated";
  if (res.status === 403 && code === "forbidden") return "forbidden";
  return "allowed";
}

/**
 * `datto` says what the request costs Datto: true when it may ask Datto on the caller's behalf (it
 * must draw on their allowance), false when it must not call Datto at all, "background" when it
 * only queues background work (the software crawl, paced by the background share of the budget).
 */
export type RouteSample = {
  path: string;
  json?: unknown;
  datto: boolean | "background";
};

/** What a route's rule must be (pinned here, so a changed permission is a visible change). */
export type RouteSamples = {
  needs: RouteRule["needs"];
  peopleOnly?: true;
  requests: RouteSample[];
};

export type SampleIds = { deviceUid: string; siteUid: string; userId: string; alertUid?: string };

export async function sampleIds(t: TestApp): Promise<SampleIds> {
  const device = t.fleet.snapshot().devices.find((d) => d.deviceClass === "device")!;
  const target = await t.addUser("route-sample-target", "viewer");
  const alertUid = t.sim.tenant.openAlerts()[0]?.alertUid ?? "no-open-alert";
  return { deviceUid: device.uid, siteUid: device.siteUid, userId: target.id, alertUid };
}

export function routeSamples({
  deviceUid,
  siteUid,
  userId,
  alertUid = "an-alert-uid",
}: SampleIds): Record<string, RouteSamples> {
  const alert = `/api/alerts/${alertUid}`;
  const device = `/api/devices/${deviceUid}`;
  const site = `/api/sites/${siteUid}`;
  const read = (...requests: RouteSample[]): RouteSamples => ({ needs: "fleet:read", requests });
  const admin = (...requests: RouteSample[]): RouteSamples => ({ needs: "users:manage", requests });
  const tokens = (...requests: RouteSample[]): RouteSamples => ({
    needs: "agent-tokens:manage",
    requests,
  });
  const decide = (...requests: RouteSample[]): RouteSamples => ({
    needs: "proposals:decide",
    peopleOnly: true,
    requests,
  });
  const settings = (...requests: RouteSample[]): RouteSamples => ({
    needs: "settings:manage",
    requests,
  });
  const audit = (...requests: RouteSample[]): RouteSamples => ({ needs: "events:read", requests });
  const own = (...requests: RouteSample[]): RouteSamples => ({
    needs: "fleet:read",
    peopleOnly: true,
    requests,
  });
  return {
    "GET /api/health": { needs: "public", requests: [{ path: "/api/health", datto: false }] },
    // seconds=0: the stream says "ready" and ends, so the sample can be read to its end.
    "GET /api/live": {
      needs: "signed-in",
      peopleOnly: true,
      requests: [{ path: "/api/live?seconds=0", datto: false }],
    },
    "POST /api/auth/login": {
      needs: "public",
      requests: [
        { path: "/api/auth/login", json: { username: "nobody", password: "wrong" }, datto: false },
      ],
    },
    "GET /api/auth/config": {
      needs: "public",
      requests: [{ path: "/api/auth/config", datto: false }],
    },
    "GET /api/me": {
      needs: "signed-in",
      peopleOnly: true,
      requests: [{ path: "/api/me", datto: false }],
    },
    "GET /api/users": admin({ path: "/api/users", datto: false }),
    "POST /api/users": admin({
      path: "/api/users",
      json: { username: "x", password: "short", role: "viewer" },
      datto: false,
    }),
    "PATCH /api/users/:id": admin({
      path: `/api/users/${userId}`,
      json: { disabled: false },
      datto: false,
    }),
    "POST /api/users/:id/password": admin({
      path: `/api/users/${userId}/password`,
      json: { password: "a new long password" },
      datto: false,
    }),
    "GET /api/events": {
      needs: "events:read",
      requests: [{ path: "/api/events?limit=5", datto: false }],
    },
    "GET /api/sites": read({ path: "/api/sites", datto: false }),
    "GET /api/sites/:uid": read({ path: site, datto: false }),
    "GET /api/sites/:uid/alerts": read({ path: `${site}/alerts`, datto: true }),
    "POST /api/sites/:uid/refresh": {
      needs: "fleet:refresh",
      requests: [{ path: `${site}/refresh`, datto: true }],
    },
    "GET /api/devices": read(
      { path: "/api/devices?limit=5", datto: false },
      { path: "/api/devices?filterId=1006", datto: true },
    ),
    "GET /api/devices/export.csv": read(
      { path: "/api/devices/export.csv?status=online", datto: false },
      { path: "/api/devices/export.csv?filterId=1006", datto: true },
    ),
    "GET /api/devices/:uid": read({ path: device, datto: true }),
    "GET /api/devices/:uid/audit": read({ path: `${device}/audit`, datto: true }),
    "GET /api/devices/:uid/software": read({ path: `${device}/software`, datto: true }),
    "GET /api/devices/:uid/alerts": read({ path: `${device}/alerts?state=resolved`, datto: true }),
    "POST /api/devices/:uid/refresh": {
      needs: "fleet:refresh",
      requests: [{ path: `${device}/refresh`, datto: true }],
    },
    "GET /api/fleet/status": read({ path: "/api/fleet/status", datto: false }),
    "GET /api/fleet/filters": read({ path: "/api/fleet/filters", datto: true }),
    "GET /api/fleet/udf-labels": read({ path: "/api/fleet/udf-labels", datto: false }),
    "PUT /api/fleet/udf-labels": {
      needs: "settings:manage",
      requests: [{ path: "/api/fleet/udf-labels", json: {}, datto: false }],
    },
    "GET /api/views": own({ path: "/api/views", datto: false }),
    "POST /api/views": own({
      path: "/api/views",
      json: { name: "mine", query: {}, columns: [] },
      datto: false,
    }),
    "DELETE /api/views/:id": own({ path: "/api/views/no-such-view", datto: false }),
    "GET /api/views/alerts": own({ path: "/api/views/alerts", datto: false }),
    "POST /api/views/alerts": own({
      path: "/api/views/alerts",
      json: { name: "mine", params: { priority: "Critical" }, group: "site" },
      datto: false,
    }),
    "GET /api/software/search": read({
      path: "/api/software/search?name=office",
      datto: "background",
    }),
    "GET /api/software/search/export.csv": read({
      path: "/api/software/search/export.csv?name=office&sort=version",
      datto: false,
    }),
    "GET /api/agent-tokens": tokens({ path: "/api/agent-tokens", datto: false }),
    "POST /api/agent-tokens": tokens({
      path: "/api/agent-tokens",
      json: { name: "sample-bot", groups: { sites: "read-only" } },
      datto: false,
    }),
    "GET /api/agent-tokens/:id": tokens({ path: "/api/agent-tokens/no-such-token", datto: false }),
    "PATCH /api/agent-tokens/:id": tokens({
      path: "/api/agent-tokens/no-such-token",
      json: { testMode: true },
      datto: false,
    }),
    "DELETE /api/agent-tokens/:id": tokens({
      path: "/api/agent-tokens/no-such-token",
      datto: false,
    }),
    "GET /api/proposals": decide({ path: "/api/proposals?state=pending", datto: false }),
    "GET /api/proposals/:id": decide({ path: "/api/proposals/no-such-proposal", datto: false }),
    "POST /api/proposals/:id/approve": decide({
      path: "/api/proposals/no-such-proposal/approve",
      json: { comment: "ok" },
      datto: true,
    }),
    "POST /api/proposals/:id/reject": decide({
      path: "/api/proposals/no-such-proposal/reject",
      json: {},
      datto: false,
    }),
    "GET /api/settings": read({ path: "/api/settings", datto: false }),
    "PATCH /api/settings": settings({
      path: "/api/settings",
      json: { proposalTtlMinutes: 60 },
      datto: false,
    }),
    "PUT /api/settings/writes-paused": settings({
      path: "/api/settings/writes-paused",
      json: { paused: false },
      datto: false,
    }),
    "GET /api/settings/tool-policies": settings({
      path: "/api/settings/tool-policies",
      datto: false,
    }),
    "PUT /api/settings/tool-policies/:tool": settings({
      path: "/api/settings/tool-policies/datto-list-sites",
      json: { policy: "auto" },
      datto: false,
    }),
    "GET /api/agent/tools": read({ path: "/api/agent/tools", datto: false }),
    // The sample agent holds no stored token: refused by the tool, never reaching Datto.
    "POST /api/agent/tools/:tool": read({
      path: "/api/agent/tools/datto-list-sites",
      json: {},
      datto: true,
    }),
    "GET /api/audit": audit({ path: "/api/audit?kind=user", datto: false }),
    "GET /api/audit/export.csv": audit({ path: "/api/audit/export.csv", datto: false }),
    "GET /api/audit/verify": audit({ path: "/api/audit/verify", datto: false }),
    "GET /api/alerts": read({ path: "/api/alerts?priority=Critical,High&sort=age", datto: false }),
    "GET /api/alerts/export.csv": read({ path: "/api/alerts/export.csv?state=open", datto: false }),
    "GET /api/alerts/last-look": own({ path: "/api/alerts/last-look", datto: false }),
    "PUT /api/alerts/last-look": own({ path: "/api/alerts/last-look", datto: false }),
    // Not in the poller's copy (the sample app does not poll): read from Datto.
    "GET /api/alerts/:uid": read({ path: alert, datto: true }),
    "POST /api/alerts/:uid/resolve": {
      needs: "alerts:resolve",
      requests: [{ path: `${alert}/resolve`, datto: true }],
    },
    "POST /api/alerts/resolve": {
      needs: "alerts:resolve",
      requests: [{ path: "/api/alerts/resolve", json: { uids: [alertUid] }, datto: true }],
    },
    "GET /api/alerts/resolve-batches/:id": {
      needs: "alerts:resolve",
      requests: [
        { path: "/api/alerts/resolve-batches/00000000-0000-4000-8000-000000000000", datto: false },
      ],
    },
    "POST /api/alerts/:uid/claim": {
      needs: "alerts:claim",
      requests: [{ path: `${alert}/claim`, json: { note: "on it" }, datto: false }],
    },
    "DELETE /api/alerts/:uid/claim": {
      needs: "alerts:claim",
      requests: [{ path: `${alert}/claim`, datto: false }],
    },
    "GET /api/components": read({ path: "/api/components", datto: true }),
    "PUT /api/components/:uid/favourite": {
      needs: "fleet:read",
      peopleOnly: true,
      requests: [
        {
          path: "/api/components/no-such-component/favourite",
          json: { favourite: true },
          datto: true,
        },
      ],
    },
    "GET /api/jobs": read({ path: "/api/jobs?status=running", datto: false }),
    "POST /api/jobs/preview": {
      needs: "jobs:run",
      requests: [
        {
          path: "/api/jobs/preview",
          json: { component: "Flush DNS cache", deviceUids: [deviceUid] },
          datto: true,
        },
      ],
    },
    "POST /api/jobs": {
      needs: "jobs:run",
      requests: [
        {
          path: "/api/jobs",
          json: {
            component: "No such component",
            deviceUids: [deviceUid],
            idempotencyKey: "route-sample-1",
          },
          datto: true,
        },
      ],
    },
    "GET /api/jobs/:id": read({ path: "/api/jobs/no-such-run", datto: false }),
    "GET /api/jobs/:id/outputs.csv": read({
      path: "/api/jobs/no-such-run/outputs.csv",
      datto: false,
    }),
    "GET /api/jobs/:id/devices/:deviceUid/stdout": read({
      path: `/api/jobs/no-such-run/devices/${deviceUid}/stdout`,
      datto: false,
    }),
    "GET /api/jobs/:id/devices/:deviceUid/stderr": read({
      path: `/api/jobs/no-such-run/devices/${deviceUid}/stderr`,
      datto: false,
    }),
    "GET /api/wall-tokens": {
      needs: "wall-tokens:manage",
      requests: [{ path: "/api/wall-tokens", datto: false }],
    },
    "POST /api/wall-tokens": {
      needs: "wall-tokens:manage",
      requests: [{ path: "/api/wall-tokens", json: { name: "NOC" }, datto: false }],
    },
    "DELETE /api/wall-tokens/:id": {
      needs: "wall-tokens:manage",
      requests: [{ path: "/api/wall-tokens/no-such-wall", datto: false }],
    },
    "GET /api/wall/summary": {
      needs: "wall:read",
      requests: [{ path: "/api/wall/summary", datto: false }],
    },
    "POST /api/auth/logout": {
      needs: "public",
      requests: [{ path: "/api/auth/logout", datto: false }],
    },
  };
}
