import { createManualClock, type ManualClock } from "../lib/clock";
import { createMemoryLogger } from "../lib/logger";
import { createDattoApi } from "../datto/api/create-datto-api";
import { createSimulator, type SimulatorOptions } from "../datto/simulator/create-simulator";
import { createDattoGateway, type DattoGatewayOptions } from "../datto/gateway/create-gateway";

/** Credentials long and distinctive enough that a leak into any log line or message is caught. */
export const TEST_KEY = "KEY-7f3a9c1e55d04b2a";
export const TEST_SECRET = "SECRET-c0ffee4d1e2f3a4b";

export interface HarnessOptions {
  simulator?: Omit<SimulatorOptions, "clock" | "apiKey" | "apiSecret">;
  gateway?: Partial<Omit<DattoGatewayOptions, "fetch" | "clock" | "logger">>;
}

/**
 * The gateway wired to the simulator as the vendor, on a ManualClock. `requests` records every URL
 * the gateway fetched, so tests can prove where (and how often) it went.
 */
export function createHarness(options: HarnessOptions = {}) {
  const clock = createManualClock();
  const sim = createSimulator({
    seed: 7,
    devices: 60,
    enableControl: false,
    ...options.simulator,
    apiKey: TEST_KEY,
    apiSecret: TEST_SECRET,
    clock,
  });
  // No secrets handed to the logger: its masking must not hide a leak from the tests.
  const logger = createMemoryLogger();
  const requests: string[] = [];
  const bearerTokens = new Set<string>();
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input.url : String(input));
    const auth = new Headers(init?.headers).get("authorization");
    if (auth?.startsWith("Bearer ")) bearerTokens.add(auth.slice(7));
    return sim.fetch(input, init);
  }) as typeof globalThis.fetch;
  const gateway = createDattoGateway({
    baseUrl: sim.apiBaseUrl,
    apiKey: TEST_KEY,
    apiSecret: TEST_SECRET,
    random: () => 0.5,
    ...options.gateway,
    fetch,
    clock,
    logger,
  });
  return { clock, sim, gateway, api: createDattoApi(gateway), logger, requests, bearerTokens };
}

export type Harness = ReturnType<typeof createHarness>;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets in-process work settle (the simulator answers through real promises and timers). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await tick();
}

/**
 * Moves the ManualClock forward in small steps until `promise` settles (or maxMs passes), so code
 * that sleeps (back-off, deadlines, simulator latency) runs without real waiting.
 */
export async function drive<T>(
  clock: ManualClock,
  promise: Promise<T>,
  stepMs = 50,
  maxMs = 600_000,
): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await settle();
  for (let elapsed = 0; !done && elapsed < maxMs; elapsed += stepMs) {
    await clock.advance(stepMs);
    await settle(2);
  }
  return promise;
}

/** The rejection of `promise` (driving the clock), failing the test when it resolves. */
export async function driveToError(
  clock: ManualClock,
  promise: Promise<unknown>,
  stepMs = 50,
): Promise<unknown> {
  try {
    await drive(clock, promise, stepMs);
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
