import { existsSync } from "node:fs";
import path from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { createServices } from "./compose";
import { ConfigError, parseConfig } from "./env";
import { CoordinationError } from "./coord/coordination";
import { InstanceLockedError } from "./store/instance-lock";

/**
 * The only Node entry. `tsx server/main.ts` serves the console; `... user <args>` manages users
 * (npm run user); `... audit-verify` checks the audit log's chain
 * (npm run audit:verify); `... simulator <args>` runs the standalone simulated tenant (npm run simulator).
 */
export async function runMain(
  argv: string[],
  options: { loadDotEnv?: boolean } = {},
): Promise<void> {
  const [command, ...rest] = argv;
  if (options.loadDotEnv !== false && existsSync(".env")) process.loadEnvFile(".env");

  if (command === "simulator") {
    const { runSimulatorCli } = await import("./cli/simulator");
    return runSimulatorCli(rest);
  }
  if (command === "user") {
    const { runUserCli } = await import("./cli/user");
    const io = {
      env: process.env,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    };
    process.exitCode = await runUserCli(rest, io);
    return;
  }
  if (command === "audit-verify") {
    const { runAuditVerifyCli } = await import("./cli/audit-verify");
    const io = { env: process.env, stdout: process.stdout, stderr: process.stderr };
    process.exitCode = await runAuditVerifyCli(io);
    return;
  }
  if (command !== undefined) {
    console.error(
      `Unknown command "${command}". Use no command to serve, or "user", "simulator" or "audit-verify".`,
    );
    process.exitCode = 2;
    return;
  }
  await serveConsole();
}

async function serveConsole(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`RMM Deck cannot start.\n${error.message}`);
    process.exit(1);
  }

  let services;
  try {
    services = await createServices(config, {
      onInstanceLost: (error) => {
        console.error(`RMM Deck stopped.\n${error.message}`);
        process.exit(1);
      },
    });
  } catch (error) {
    if (!(error instanceof InstanceLockedError) && !(error instanceof CoordinationError)) {
      throw error;
    }
    console.error(`RMM Deck cannot start.\n${error.message}`);
    process.exit(1);
  }
  const spaRoot = path.resolve(import.meta.dirname, "..", "dist");
  const app = createApp({ ...services, spaRoot });
  const { logger } = services;

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${info.address}:${info.port}`;
    logger.info("RMM Deck is listening", { url, mode: config.mode });
    if (config.mode === "demo") {
      console.info(
        `\n  RMM Deck (demo tenant) at ${url}\n  Sign in as admin, approver, technician or viewer, password "demo".\n`,
      );
    } else {
      console.info(`\n  RMM Deck at ${url} (live Datto tenant)\n`);
    }
    if (!existsSync(path.join(spaRoot, "index.html"))) {
      logger.warn("dist/ has no built SPA: run `npm start` (builds it) or `npm run build`.");
    }
  });
  server.once("error", (error: NodeJS.ErrnoException) => {
    console.error(`RMM Deck cannot start.\n${listenProblem(error, config.host, config.port)}`);
    void services.close().finally(() => process.exit(1));
  });
  services.startWork();
  void services.components.start();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void services.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** A sentence for the person starting the server, instead of a stack trace. */
export function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE") {
    return `Port ${port} on ${host} is already in use (another RMM Deck, or another program). Stop it, or set PORT to a free port.`;
  }
  if (error.code === "EACCES") {
    return `Not allowed to listen on ${where}: ports below 1024 need extra rights. Set PORT to 1024 or above.`;
  }
  if (error.code === "EADDRNOTAVAIL") {
    return `HOST ${host} is not an address of this machine. Use 127.0.0.1, 0.0.0.0 or one of its addresses.`;
  }
  return `Could not listen on ${where}: ${error.message}`;
}

const isEntry =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isEntry) await runMain(process.argv.slice(2));
