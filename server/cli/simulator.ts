import type { AddressInfo } from "node:net";
import { serve, type Http2Bindings, type HttpBindings } from "@hono/node-server";
import { z } from "zod";
import { systemClock } from "../lib/clock";
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from "../datto/simulator/create-simulator";
import { DROP_HEADER } from "../datto/simulator/responses";
import { SCENARIO_NAMES } from "../datto/simulator/scenarios";
import { JOB_DATE_FORMATS } from "../datto/simulator/wire-dates";

/**
 * `npm run simulator`: the simulated Datto tenant as its own HTTP server on loopback, so any
 * Datto client (or RMM Deck in live mode) can be pointed at it. The only Node-specific piece.
 */
const LOOPBACK = ["127.0.0.1", "localhost", "::1"] as const;

const FlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4010),
  host: z
    .enum(LOOPBACK, {
      error: "the simulator listens on loopback only (127.0.0.1, localhost or ::1)",
    })
    .default("127.0.0.1"),
  seed: z.coerce.number().int().default(1),
  devices: z.coerce.number().int().min(0).max(200_000).default(400),
  scenario: z.enum(SCENARIO_NAMES).default("normal"),
  key: z.string().min(1).default("sim-key"),
  secret: z.string().min(1).default("sim-secret"),
  /** Token lifetime in seconds; Datto's is 100 h. Short values exercise token renewal. */
  tokenLifetime: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 3600)
    .default(100 * 3600),
  /** Job.dateCreated and JobResults.ranOn as ISO strings (default) or epoch ms (API.md §6). */
  jobDates: z.enum(JOB_DATE_FORMATS).default("iso"),
  /** Exactly this many open alerts at start (benches); default: what the fleet's state gives. */
  openAlerts: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type SimulatorFlags = z.infer<typeof FlagsSchema>;

const ENV_NAMES: Record<keyof SimulatorFlags, string> = {
  port: "SIM_PORT",
  host: "SIM_HOST",
  seed: "SIM_SEED",
  devices: "SIM_DEVICES",
  scenario: "SIM_SCENARIO",
  key: "SIM_API_KEY",
  secret: "SIM_API_SECRET",
  tokenLifetime: "SIM_TOKEN_LIFETIME_S",
  jobDates: "SIM_JOB_DATES",
  openAlerts: "SIM_OPEN_ALERTS",
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Flags win over SIM_* environment variables, which win over defaults. */
export function parseSimulatorFlags(
  argv: string[],
  env: Record<string, string | undefined>,
): SimulatorFlags {
  const raw: Record<string, string> = {};
  for (const [flag, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== "") raw[flag] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--([a-z][a-zA-Z-]*)(?:=(.*))?$/.exec(arg);
    // --token-lifetime names the tokenLifetime flag.
    const name = match?.[1]?.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!name || !(name in ENV_NAMES)) throw new Error(`Unknown argument "${arg}".`);
    const value = match?.[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match?.[1]} needs a value.`);
    raw[name] = value;
  }
  const parsed = FlagsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `--${kebab(i.path.join("."))}: ${i.message}`).join("\n"),
    );
  }
  return parsed.data;
}

export interface RunningSimulator {
  url: string;
  simulator: Simulator;
  close(): Promise<void>;
}

/** Serves a simulator on loopback; port 0 picks a free port (its URL is then known). */
export async function startSimulatorServer(
  flags: Pick<SimulatorFlags, "port" | "host">,
  options: Omit<SimulatorOptions, "publicBaseUrl" | "clock"> = {},
): Promise<RunningSimulator> {
  let simulator: Simulator | null = null;
  const server = serve({
    hostname: flags.host,
    port: flags.port,
    fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
      if (!simulator) return new Response("starting", { status: 503 });
      const response = await simulator.app.fetch(request);
      // The flaky scenario's dropped connection: reset the socket instead of answering.
      if (response.headers.has(DROP_HEADER)) env.incoming.socket?.destroy();
      return response;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  simulator = createSimulator({ ...options, publicBaseUrl: url, clock: systemClock });
  return {
    url,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

export async function runSimulatorCli(argv: string[]): Promise<void> {
  let flags: SimulatorFlags;
  try {
    flags = parseSimulatorFlags(argv, process.env);
  } catch (error) {
    console.error(
      `Simulator cannot start.\n${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 2;
    return;
  }
  const running = await startSimulatorServer(flags, {
    seed: flags.seed,
    devices: flags.devices,
    scenario: flags.scenario,
    apiKey: flags.key,
    apiSecret: flags.secret,
    tokenLifetimeMs: flags.tokenLifetime * 1000,
    jobDates: flags.jobDates,
    ...(flags.openAlerts === undefined ? {} : { openAlerts: flags.openAlerts }),
  });
  // These are the simulator's own made-up credentials, not Datto secrets.
  console.info(
    [
      `Datto RMM simulator listening on ${running.url} (seed ${flags.seed}, ${flags.devices} devices${flags.openAlerts === undefined ? "" : `, ${flags.openAlerts} open alerts`}, scenario ${flags.scenario}, job dates ${flags.jobDates})`,
      `API base: ${running.url}/api   token: POST ${running.url}/auth/oauth/token`,
      "",
      "Point RMM Deck at it:",
      `  DATTO_API_URL=${running.url} DATTO_API_KEY=${flags.key} DATTO_API_SECRET=${flags.secret}`,
      "",
      `Control: POST ${running.url}/__sim/scenario {"name":"flaky"} | POST /__sim/reset | GET /__sim/counters`,
      `         POST /__sim/job-dates {"format":"epoch-ms"} | POST /__sim/quickjob-faults {"count":1,"mode":"drop"}`,
    ].join("\n"),
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
