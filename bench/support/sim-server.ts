import { startSimulatorServer } from "../../server/cli/simulator";

/**
 * A standalone simulator for benches, in its own process, with Datto's read quota lifted: the
 * proxy bench measures latency, not pacing. Prints its URL as one JSON line, then serves.
 */
const devices = Number(process.argv[2] ?? 2_000);
const running = await startSimulatorServer(
  { port: 0, host: "127.0.0.1" },
  { devices, rateLimits: { readsPerMinute: 10_000_000 }, enableControl: false },
);
process.stdout.write(`${JSON.stringify({ url: running.url, ...running.simulator.credentials })}\n`);
