import { z } from "zod";
import { invalidProxyEntries } from "./auth/client-address";

/**
 * Configuration, parsed once at start-up. With no Datto credentials at all the server runs in demo
 * mode against an in-process simulated tenant; with some but not all of them it refuses to start.
 * Error messages name variables, never their values: the key and secret must not reach a log.
 */
const portSchema = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const rawEnvSchema = z.object({
  DATTO_API_URL: z.string().trim().optional(),
  DATTO_API_KEY: z.string().trim().optional(),
  DATTO_API_SECRET: z.string().trim().optional(),
  PORT: portSchema.default(8080),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /** Set when the console is served over https (directly or behind a proxy): cookies get Secure. */
  PUBLIC_URL: z
    .url({ error: "must be a full URL such as https://rmm-deck.example.com" })
    .optional(),
  DEMO_SEED: z.coerce.number().int().default(1),
  DEMO_DEVICES: z.coerce.number().int().min(0).max(200_000).default(400),
  /** Exactly this many open alerts in the demo tenant (benches); default: what its fleet gives. */
  DEMO_OPEN_ALERTS: z.coerce.number().int().min(0).max(100_000).optional(),
  READ_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(450),
  WRITE_BUDGET_PER_OPERATION_PER_MINUTE: z.coerce.number().int().min(1).max(100).default(80),
  PERSON_DATTO_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** The most of the read budget the job tracker may use (0.05-1, default a quarter). */
  JOB_TRACKER_READ_SHARE: z.coerce.number().min(0.05).max(1).default(0.25),
  /** Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is read. */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    )
    .superRefine((entries, ctx) => {
      const bad = invalidProxyEntries(entries);
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `${bad.join(", ")} ${bad.length === 1 ? "is" : "are"} not an IP address or CIDR range (e.g. 10.0.0.0/8, 192.0.2.7, fd00::/8)`,
        });
      }
    }),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type DattoCredentials = { baseUrl: string; apiKey: string; apiSecret: string };

export type AppConfig = {
  mode: "demo" | "live";
  datto: DattoCredentials | null;
  port: number;
  host: string;
  dataDir: string;
  secureCookies: boolean;
  /** The origin browsers use (from PUBLIC_URL), when a proxy in front changes scheme or host. */
  publicOrigin: string | null;
  /** Reverse proxies whose X-Forwarded-For names the client (server/auth/client-address.ts). */
  trustedProxies: string[];
  demo: { seed: number; devices: number; openAlerts?: number };
  budget: {
    readsPerMinute: number;
    writesPerOperationPerMinute: number;
    /** Requests one person may make a minute to routes that call Datto (upstream-allowance.ts). */
    perPersonPerMinute: number;
    /** The share of readsPerMinute the job tracker may use (server/jobs/job-tracker.ts). */
    jobTrackerReadShare: number;
  };
  logLevel: "debug" | "info" | "warn" | "error";
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Accepts the platform host as a user pastes it: `https://pinotage-api.centrastage.net`, with or
 * without `/api`, with or without a trailing slash. Returns the API base ending in `/api`.
 * Any https URL is accepted so future platforms work (API.md §1); http only on loopback, for the
 * standalone simulator.
 */
export function normalizeDattoApiUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ConfigError(
      "DATTO_API_URL is not a URL. Paste your platform's API host, e.g. https://pinotage-api.centrastage.net",
    );
  }
  const isLoopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback)) {
    throw new ConfigError(
      "DATTO_API_URL must start with https:// (http is allowed only on 127.0.0.1).",
    );
  }
  if (url.search || url.hash) {
    throw new ConfigError("DATTO_API_URL must not carry a query string or fragment.");
  }
  let path = url.pathname.replace(/\/+$/, "");
  path = path.replace(/\/v2$/, "");
  if (!path.endsWith("/api")) path = `${path}/api`;
  return `${url.origin}${path}`;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = rawEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dattoVars = {
    DATTO_API_URL: e.DATTO_API_URL || undefined,
    DATTO_API_KEY: e.DATTO_API_KEY || undefined,
    DATTO_API_SECRET: e.DATTO_API_SECRET || undefined,
  };
  const present = Object.entries(dattoVars).filter(([, v]) => v !== undefined);
  let datto: DattoCredentials | null = null;
  if (present.length > 0 && present.length < 3) {
    const missing = Object.entries(dattoVars)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    throw new ConfigError(
      `Incomplete Datto configuration: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. ` +
        "Set all of DATTO_API_URL, DATTO_API_KEY and DATTO_API_SECRET for a live tenant, or none of them for demo mode.",
    );
  }
  if (present.length === 3) {
    datto = {
      baseUrl: normalizeDattoApiUrl(dattoVars.DATTO_API_URL!),
      apiKey: dattoVars.DATTO_API_KEY!,
      apiSecret: dattoVars.DATTO_API_SECRET!,
    };
  }
  return {
    mode: datto ? "live" : "demo",
    datto,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    secureCookies: e.PUBLIC_URL?.startsWith("https:") ?? false,
    publicOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    trustedProxies: e.TRUSTED_PROXIES,
    demo: {
      seed: e.DEMO_SEED,
      devices: e.DEMO_DEVICES,
      ...(e.DEMO_OPEN_ALERTS === undefined ? {} : { openAlerts: e.DEMO_OPEN_ALERTS }),
    },
    budget: {
      readsPerMinute: e.READ_BUDGET_PER_MINUTE,
      writesPerOperationPerMinute: e.WRITE_BUDGET_PER_OPERATION_PER_MINUTE,
      perPersonPerMinute: e.PERSON_DATTO_REQUESTS_PER_MINUTE,
      jobTrackerReadShare: e.JOB_TRACKER_READ_SHARE,
    },
    logLevel: e.LOG_LEVEL,
  };
}
