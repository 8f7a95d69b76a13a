/** What the console asked of "Datto": tests and benches prove upstream traffic with these. */
export interface SimulatorCounters {
  /** Keyed by method and Datto route template, e.g. "GET /v2/device/{deviceUid}". */
  byRoute: Record<string, number>;
  total: number;
  reads: number;
  writes: number;
  tokenRequests: number;
  status401: number;
  status429: number;
  status403: number;
  status5xx: number;
  dropped: number;
}

export function emptyCounters(): SimulatorCounters {
  return {
    byRoute: {},
    total: 0,
    reads: 0,
    writes: 0,
    tokenRequests: 0,
    status401: 0,
    status429: 0,
    status403: 0,
    status5xx: 0,
    dropped: 0,
  };
}

export function countStatus(counters: SimulatorCounters, status: number): void {
  if (status === 401) counters.status401++;
  else if (status === 429) counters.status429++;
  else if (status === 403) counters.status403++;
  else if (status >= 500) counters.status5xx++;
}

export function snapshotCounters(counters: SimulatorCounters): SimulatorCounters {
  return { ...counters, byRoute: { ...counters.byRoute } };
}
