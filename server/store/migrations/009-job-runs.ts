import type { Migration } from "./migration";

const tables = (big: string) => [
  `CREATE TABLE job_runs (
    id TEXT PRIMARY KEY,
    created_at ${big} NOT NULL,
    updated_at ${big} NOT NULL,
    requester TEXT NOT NULL,
    requester_kind TEXT NOT NULL,
    requester_id TEXT,
    requester_key TEXT NOT NULL,
    approved_by TEXT,
    component_uid TEXT NOT NULL,
    component_name TEXT NOT NULL,
    job_name TEXT NOT NULL,
    variables TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    target_count INTEGER NOT NULL,
    final_count INTEGER NOT NULL,
    problem_count INTEGER NOT NULL,
    counts TEXT NOT NULL,
    first_hostname TEXT,
    finished_at ${big},
    UNIQUE (requester_key, idempotency_key)
  )`,
  `CREATE INDEX job_runs_created ON job_runs (created_at)`,
  `CREATE TABLE job_targets (
    run_id TEXT NOT NULL REFERENCES job_runs (id),
    device_uid TEXT NOT NULL,
    position INTEGER NOT NULL,
    hostname TEXT NOT NULL,
    site_uid TEXT NOT NULL,
    site_name TEXT NOT NULL,
    status TEXT NOT NULL,
    datto_job_uid TEXT,
    detail TEXT,
    sent_at ${big},
    ran_on ${big},
    finished_at ${big},
    warnings INTEGER,
    has_stdout INTEGER NOT NULL,
    has_stderr INTEGER NOT NULL,
    stdout TEXT,
    stderr TEXT,
    output_fetched INTEGER NOT NULL,
    updated_at ${big} NOT NULL,
    PRIMARY KEY (run_id, device_uid)
  )`,
  `CREATE INDEX job_targets_device ON job_targets (device_uid)`,
  `CREATE INDEX job_targets_status ON job_targets (status)`,
];

/**
 * Every run started through RMM Deck (issue 10): Datto cannot list jobs (API.md §5), so the run,
 * its targets, their Datto job uids, statuses and outputs live here. The idempotency key is unique
 * per requester: a double-click or a retried request finds the run the first one made.
 */
export const jobRunsMigration: Migration = {
  version: 9,
  name: "job-runs",
  statements: { sqlite: tables("INTEGER"), postgres: tables("BIGINT") },
};
