import { Hono } from "hono";
import { type Clock, systemClock } from "../../lib/clock";
import { createControl, createControlRoutes, type SimulatorControl } from "./control";
import { DATTO_RATE_LIMITS, type RateLimits } from "./rate-limit";
import { DROP_HEADER } from "./responses";
import { createSimulatorRoutes } from "./routes";
import type { ScenarioName } from "./scenarios";
import { createCore } from "./sim-core";
import { createTenantView, type TenantView } from "./tenant-view";
import type { JobDateFormat } from "./wire-dates";

export type { ScenarioName } from "./scenarios";
export type { SimulatorControl } from "./control";
export type { SimulatorCounters } from "./counters";
export type { RateLimits } from "./rate-limit";
export type { JobDateFormat } from "./wire-dates";

/**
 * The simulated Datto RMM tenant. API.md is the spec; every guess where Datto's behaviour is
 * unknown is named in unknowns.ts (decision 0013). The account device list leaves out deleted
 * devices while the "Deleted Devices" site lists them (API.md §8).
 */
export interface SimulatorOptions {
  /** Same seed, same tenant. Default 1. */
  seed?: number;
  /** Default 400; sites scale with it (~devices/40, min 3, plus "Deleted Devices"). */
  devices?: number;
  scenario?: ScenarioName;
  apiKey?: string;
  apiSecret?: string;
  /** Default 100 h, like Datto (the token-expiry scenario shortens it). */
  tokenLifetimeMs?: number;
  /** Origin used in nextPageUrl; default "https://sim.centrastage.test". */
  publicBaseUrl?: string;
  clock?: Clock;
  /** Mount the /__sim/* control routes. Default true. */
  enableControl?: boolean;
  /** Datto's real quotas unless raised (benches) or lowered. */
  rateLimits?: Partial<RateLimits>;
  /**
   * How the [unsure] job dates (Job.dateCreated, JobResults.ranOn) travel: ISO-8601 strings like
   * every date-time not seen live as a number (default), or epoch ms. API.md §6.
   */
  jobDates?: JobDateFormat;
  /**
   * Exactly this many open alerts at build time (benches: 100, 1,000, 5,000), spread over the fleet
   * by seed; default: as many as the fleet's state gives (about a fifth of the devices).
   */
  openAlerts?: number;
}

export interface Simulator {
  app: Hono;
  /** fetch-compatible: any host, routed to the app; aborts reject with the signal's reason. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** `${publicBaseUrl}/api` */
  apiBaseUrl: string;
  publicBaseUrl: string;
  credentials: { apiKey: string; apiSecret: string };
  control: SimulatorControl;
  tenant: TenantView;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? systemClock;
  const publicBaseUrl = (options.publicBaseUrl ?? "https://sim.centrastage.test").replace(
    /\/+$/,
    "",
  );
  const core = createCore(
    {
      seed: options.seed ?? 1,
      devices: Math.max(0, Math.floor(options.devices ?? 400)),
      apiKey: options.apiKey ?? "sim-key",
      apiSecret: options.apiSecret ?? "sim-secret",
      tokenLifetimeMs: options.tokenLifetimeMs ?? 100 * 3_600_000,
      publicBaseUrl,
      rateLimits: { ...DATTO_RATE_LIMITS, ...options.rateLimits },
      jobDates: options.jobDates ?? "iso",
      openAlerts:
        options.openAlerts === undefined ? undefined : Math.max(0, Math.floor(options.openAlerts)),
    },
    clock,
    options.scenario ?? "normal",
  );
  const control = createControl(core);
  const app = new Hono();
  app.route("/", createSimulatorRoutes(core));
  if (options.enableControl ?? true) app.route("/__sim", createControlRoutes(control));
  app.notFound((c) =>
    c.json(
      {
        timestamp: clock.now(),
        status: 404,
        error: "Not Found",
        message: "No message available",
        path: new URL(c.req.url).pathname,
      },
      404,
    ),
  );
  app.onError((err, c) => {
    // An aborted caller (slow scenario, near-limit delay) already has its rejection; anything else
    // is a simulator bug and must be seen.
    if (!c.req.raw.signal.aborted) console.error("simulator: unhandled error", err);
    const body = {
      timestamp: clock.now(),
      status: 500,
      error: "Internal Server Error",
      message: "Unexpected error",
    };
    return c.json(body, 500);
  });

  const simFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const target =
      typeof input === "string" && input.startsWith("/") ? `${publicBaseUrl}${input}` : input;
    const request = new Request(target, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw signal.reason;
    const pending = Promise.resolve(app.fetch(request));
    const response = signal ? await raceAbort(pending, signal) : await pending;
    if (response.headers.has(DROP_HEADER)) throw new TypeError("fetch failed");
    return response;
  };

  return {
    app,
    fetch: simFetch,
    apiBaseUrl: `${publicBaseUrl}/api`,
    publicBaseUrl,
    get credentials() {
      return { ...core.credentials };
    },
    control,
    tenant: createTenantView(core),
  };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}
