import type { Clock } from "../../lib/clock";
import { emptyCounters, type SimulatorCounters } from "./counters";
import {
  createRateLimiter,
  DATTO_RATE_LIMITS,
  type RateLimiter,
  type RateLimits,
} from "./rate-limit";
import { SCENARIOS, type ScenarioName, type ScenarioProfile } from "./scenarios";
import { buildTenant, type Tenant } from "./tenant";
import type { JobDateFormat } from "./wire-dates";
import { createWorld, type WorldState } from "./world";
import { WRITE_OPERATIONS } from "./write-operations";

interface CoreOptions {
  seed: number;
  devices: number;
  apiKey: string;
  apiSecret: string;
  tokenLifetimeMs: number;
  publicBaseUrl: string;
  rateLimits: RateLimits;
  jobDates: JobDateFormat;
  openAlerts: number | undefined;
}

export interface QuickJobFaults {
  /** drop: the connection resets; timeout: no answer until the caller gives up. */
  mode: "drop" | "timeout";
  /** Whether Datto created the job before the answer was lost (the "outcome unknown" case). */
  jobCreated: boolean;
  remaining: number;
}

interface TokenRec {
  issuedAt: number;
  expiresAt: number;
}

/** The simulator's whole mutable state; routes read and change it through this object. */
export interface SimCore {
  options: CoreOptions;
  clock: Clock;
  scenario: ScenarioName;
  profile: ScenarioProfile;
  tenant: Tenant;
  world: WorldState;
  limiter: RateLimiter;
  counters: SimulatorCounters;
  tokens: Map<string, TokenRec>;
  credentials: { apiKey: string; apiSecret: string };
  requestNumber: number;
  tokenNumber: number;
  /** How Job.dateCreated and JobResults.ranOn travel (API.md §6 [unsure]). */
  jobDateFormat: JobDateFormat;
  /** The next quick-job PUTs that fail on purpose (control surface), if any. */
  quickJobFaults: QuickJobFaults | null;
  startedAt: number;
}

function limiterFor(clock: Clock, options: CoreOptions, profile: ScenarioProfile): RateLimiter {
  return createRateLimiter(
    clock,
    { ...options.rateLimits, ...profile.rateLimits },
    WRITE_OPERATIONS,
  );
}

const buildFor = (options: CoreOptions, profile: ScenarioProfile, now: number) =>
  profile.empty
    ? buildTenant(options.seed, 0, now)
    : buildTenant(options.seed, options.devices, now, options.openAlerts);

export function createCore(options: CoreOptions, clock: Clock, scenario: ScenarioName): SimCore {
  const profile = SCENARIOS[scenario];
  const tenant = buildFor(options, profile, clock.now());
  return {
    options,
    clock,
    scenario,
    profile,
    tenant,
    world: createWorld(tenant),
    limiter: limiterFor(clock, options, profile),
    counters: emptyCounters(),
    tokens: new Map(),
    credentials: { apiKey: options.apiKey, apiSecret: options.apiSecret },
    requestNumber: 0,
    tokenNumber: 0,
    jobDateFormat: options.jobDates,
    quickJobFaults: null,
    startedAt: clock.now(),
  };
}

/** Back to the seeded tenant (built anew at the clock's now), quotas and counters zeroed. */
export function resetCore(core: SimCore): void {
  core.tenant = buildFor(core.options, core.profile, core.clock.now());
  core.world = createWorld(core.tenant);
  core.limiter = limiterFor(core.clock, core.options, core.profile);
  core.counters = emptyCounters();
  core.credentials = { apiKey: core.options.apiKey, apiSecret: core.options.apiSecret };
  core.requestNumber = 0;
  core.jobDateFormat = core.options.jobDates;
  core.quickJobFaults = null;
}

export function setScenario(core: SimCore, name: ScenarioName): void {
  const profile = SCENARIOS[name];
  const rebuild = profile.empty !== core.profile.empty;
  core.scenario = name;
  core.profile = profile;
  core.limiter = limiterFor(core.clock, core.options, profile);
  if (rebuild) {
    core.tenant = buildFor(core.options, profile, core.clock.now());
    core.world = createWorld(core.tenant);
  }
}

export { DATTO_RATE_LIMITS };
