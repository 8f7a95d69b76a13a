import { createSimulator, type Simulator } from "./datto/simulator/create-simulator";
import type { AppConfig } from "./env";
import type { Clock } from "./lib/clock";

/** Where Datto calls go: a live tenant, or the in-process simulated tenant in demo mode. */
export interface Upstream {
  simulator: Simulator | null;
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  fetch: typeof fetch;
}

/**
 * Demo mode (no Datto credentials) puts an in-process simulated tenant behind the very same
 * gateway a live tenant gets, so demo, tests and production share one path.
 */
export function chooseUpstream(
  config: AppConfig,
  clock: Clock,
  overrides: { simulator?: Simulator; upstreamFetch?: typeof fetch },
): Upstream {
  const simulator =
    config.mode === "demo"
      ? (overrides.simulator ??
        createSimulator({
          seed: config.demo.seed,
          devices: config.demo.devices,
          ...(config.demo.openAlerts === undefined ? {} : { openAlerts: config.demo.openAlerts }),
          clock,
          enableControl: false,
        }))
      : null;
  return simulator
    ? {
        simulator,
        baseUrl: simulator.apiBaseUrl,
        apiKey: simulator.credentials.apiKey,
        apiSecret: simulator.credentials.apiSecret,
        fetch: yieldingFetch(simulator.fetch) as typeof fetch,
      }
    : { simulator: null, ...config.datto!, fetch: overrides.upstreamFetch ?? fetch };
}

/** The Datto key and secret and the passwords in DATABASE_URL and REDIS_URL: never logged. */
export function secretsOf(config: AppConfig): string[] {
  const secrets = config.datto ? [config.datto.apiKey, config.datto.apiSecret] : [];
  secrets.push(...urlPasswords(config.databaseUrl, config.redisUrl));
  return secrets;
}

function urlPasswords(...urls: Array<string | null>): string[] {
  return urls.flatMap((url) => {
    try {
      const password = url ? decodeURIComponent(new URL(url).password) : "";
      return password ? [password] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The in-process simulator answers without ever waiting on I/O, so a full walk of a big demo
 * tenant would run start to finish without letting the server answer anyone (seen: /api/health
 * taking 10 s during a 50,000-device walk). Yield to the event loop before each call, as a network
 * round trip would.
 */
function yieldingFetch(inner: Simulator["fetch"]): Simulator["fetch"] {
  return async (input, init) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return inner(input, init);
  };
}
