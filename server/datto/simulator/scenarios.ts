import { hash32 } from "./prng";
import type { RateLimits } from "./rate-limit";

export const SCENARIO_NAMES = [
  "normal",
  "empty",
  "slow",
  "rate-limited",
  "flaky",
  "down",
  "token-expiry",
  "malformed",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === "string" && (SCENARIO_NAMES as readonly string[]).includes(value);
}

export interface ScenarioProfile {
  empty: boolean;
  latencyMs: readonly [number, number] | null;
  rateLimits: Partial<RateLimits>;
  tokenLifetimeMs: number | null;
  failure: "none" | "flaky" | "down";
  malformed: boolean;
}

const BASE: ScenarioProfile = {
  empty: false,
  latencyMs: null,
  rateLimits: {},
  tokenLifetimeMs: null,
  failure: "none",
  malformed: false,
};

export const SCENARIOS: Record<ScenarioName, ScenarioProfile> = {
  normal: BASE,
  empty: { ...BASE, empty: true },
  slow: { ...BASE, latencyMs: [1500, 3000] },
  "rate-limited": {
    ...BASE,
    rateLimits: {
      readsPerMinute: 20,
      writesPerMinute: 10,
      writesPerOperation: 5,
      udfWritesPerOperation: 10,
    },
  },
  flaky: { ...BASE, failure: "flaky" },
  down: { ...BASE, failure: "down" },
  "token-expiry": { ...BASE, tokenLifetimeMs: 30_000 },
  malformed: { ...BASE, malformed: true },
};

type Mishap =
  { kind: "none" } | { kind: "status"; status: 500 | 502 | 503 | 504 } | { kind: "drop" };

/** Flaky: about 1 call in 10 answers 5xx and 1 in 20 drops the connection, by request number. */
export function flakyMishap(seed: number, requestNumber: number): Mishap {
  const r = hash32(seed, "flaky", requestNumber) / 4294967296;
  if (r < 0.05) return { kind: "drop" };
  if (r < 0.15) {
    const statuses = [500, 502, 503, 504] as const;
    return { kind: "status", status: statuses[requestNumber % 4] ?? 503 };
  }
  return { kind: "none" };
}

export function slowLatency(profile: ScenarioProfile, seed: number, requestNumber: number): number {
  if (!profile.latencyMs) return 0;
  const [min, max] = profile.latencyMs;
  return min + (hash32(seed, "latency", requestNumber) % (max - min + 1));
}
