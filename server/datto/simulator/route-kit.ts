import type { Context, Hono } from "hono";
import { checkBearer } from "./auth";
import { countStatus } from "./counters";
import { dattoError, DROP_HEADER } from "./responses";
import type { Admission } from "./rate-limit";
import { flakyMishap, slowLatency } from "./scenarios";
import type { SimCore } from "./sim-core";
import { advanceWorld } from "./world";
import { BLOCK_SPARES_TOKEN_ENDPOINT, RETRY_AFTER_SECONDS, WRONG_METHOD_STATUS } from "./unknowns";
import type { WriteOperationName } from "./write-operations";

export type Access = "open" | "read" | { write: WriteOperationName } | "token";
export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteSpec {
  method: Method;
  /** Datto's template under /api, e.g. "/v2/device/{deviceUid}"; counters use it as the key. */
  path: string;
  access: Access;
  handle: (c: Context, core: SimCore) => Response | Promise<Response>;
}

export const route = (
  method: Method,
  path: string,
  access: Access,
  handle: RouteSpec["handle"],
): RouteSpec => ({ method, path, access, handle });

const honoPath = (template: string) => template.replace(/\{(\w+)\}/g, ":$1");

/** Scenario effects shared by every Datto route: down, flaky, slow. */
async function scenarioGate(c: Context, core: SimCore): Promise<Response | null> {
  const n = ++core.requestNumber;
  const { failure } = core.profile;
  if (failure === "down") {
    return c.html("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", 503);
  }
  if (failure === "flaky") {
    const mishap = flakyMishap(core.options.seed, n);
    if (mishap.kind === "drop") {
      core.counters.dropped++;
      return new Response(null, { status: 502, headers: { [DROP_HEADER]: "1" } });
    }
    if (mishap.kind === "status") {
      return c.html(
        `<html><body><h1>${mishap.status} Server Error</h1></body></html>`,
        mishap.status,
      );
    }
  }
  const latency = slowLatency(core.profile, core.options.seed, n);
  if (latency > 0) await core.clock.sleep(latency, c.req.raw.signal);
  return null;
}

function admissionFor(core: SimCore, access: Access): Admission {
  if (access === "read") return core.limiter.admitRead();
  if (typeof access === "object") return core.limiter.admitWrite(access.write);
  // Uncounted calls (system status, the token) still meet the IP block, unless spared.
  const until = core.limiter.blockedUntil();
  const spared = access === "token" && BLOCK_SPARES_TOKEN_ENDPOINT;
  return until > 0 && !spared ? { kind: "blocked", until } : { kind: "ok", delayMs: 0 };
}

async function admit(c: Context, core: SimCore, access: Access): Promise<Response | null> {
  const admission = admissionFor(core, access);
  if (admission.kind === "limited") {
    const limited = dattoError(c, core, 429, "Too Many Requests", admission.message);
    if (RETRY_AFTER_SECONDS !== null)
      limited.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
    return limited;
  }
  if (admission.kind === "blocked") {
    const minutes = Math.ceil((admission.until - core.clock.now()) / 60_000);
    return dattoError(
      c,
      core,
      403,
      "Forbidden",
      `Your IP address has been blocked for ${minutes} minute(s) after repeated requests over the rate limit.`,
    );
  }
  // Near the limit Datto slows every answer by about a second (API.md §3).
  if (admission.delayMs > 0) await core.clock.sleep(admission.delayMs, c.req.raw.signal);
  return null;
}

async function run(c: Context, core: SimCore, spec: RouteSpec): Promise<Response> {
  const gated = await scenarioGate(c, core);
  if (gated) return gated;
  if (spec.access !== "open" && spec.access !== "token") {
    const denied = checkBearer(c, core);
    if (denied) return denied;
  }
  const refused = await admit(c, core, spec.access);
  if (refused) return refused;
  advanceWorld(core.tenant, core.world, core.clock.now());
  return spec.handle(c, core);
}

export function mountRoutes(app: Hono, getCore: () => SimCore, specs: readonly RouteSpec[]): void {
  for (const spec of specs) {
    app.on(spec.method, urlPath(spec), async (c) => {
      const core = getCore();
      const counters = count(core, `${spec.method} ${spec.path}`);
      if (spec.access === "read") counters.reads++;
      else if (spec.access === "token") counters.tokenRequests++;
      else if (spec.access !== "open") counters.writes++;
      const response = await run(c, core, spec);
      countStatus(counters, response.status);
      return response;
    });
  }
  // A known path with a method it does not serve (unknowns.ts), after every real route.
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.path)) continue;
    seen.add(spec.path);
    app.all(urlPath(spec), (c) => {
      const core = getCore();
      const counters = count(core, `${c.req.method} ${spec.path}`);
      const needsToken = spec.access !== "open" && spec.access !== "token";
      const response =
        (needsToken ? checkBearer(c, core) : null) ??
        dattoError(
          c,
          core,
          WRONG_METHOD_STATUS,
          "Method Not Allowed",
          `Request method '${c.req.method}' is not supported`,
        );
      countStatus(counters, response.status);
      return response;
    });
  }
}

const urlPath = (spec: RouteSpec) => (spec.access === "token" ? "" : "/api") + honoPath(spec.path);

function count(core: SimCore, key: string) {
  const counters = core.counters;
  counters.byRoute[key] = (counters.byRoute[key] ?? 0) + 1;
  counters.total++;
  return counters;
}
