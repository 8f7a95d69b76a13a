import type { Generated } from "kysely";

/**
 * The tables as Kysely sees them (server/store/migrations/ creates them). Times are epoch ms,
 * booleans 0/1, in every dialect.
 */
export interface Database {
  schema_migrations: { version: number; name: string; applied_at: number };
  users: {
    id: string;
    username: string;
    role: string;
    password_hash: string;
    disabled: number;
    created_at: number;
    last_login_at: number | null;
  };
  sessions: { id_hash: string; user_id: string; created_at: number; last_seen_at: number };
  login_attempts: { id: Generated<number>; key: string; at: number };
  login_throttle_keys: { key: string; locked_at: number };
  login_reservations: { attempt_id: string; key: string; expires_at: number };
  events: {
    id: Generated<number>;
    at: number;
    actor: string | null;
    actor_kind: string | null;
    actor_id: string | null;
    kind: string;
    target: string | null;
    detail: string | null;
    prev_hash: string | null;
    hash: string | null;
  };
  fleet_snapshots: {
    name: string;
    fetched_at: number;
    saved_at: number;
    format: number;
    payload: Buffer;
  };
  saved_views: {
    id: string;
    user_id: string;
    name: string;
    query: string;
    columns: string;
    created_at: number;
    /** "devices" or "alerts" (migration 17; older rows are device views). */
    kind: Generated<string>;
  };
  udf_labels: { udf_key: string; label: string; updated_at: number };
  software_titles: { id: Generated<number>; name: string; version: string };
  software_devices: { device_uid: string; fetched_at: number; title_ids: Buffer };
  instance_leases: {
    name: string;
    holder_id: string;
    pid: number;
    host: string;
    acquired_at: number;
    renewed_at: number;
    expires_at: number;
  };
  agent_tokens: {
    id: string;
    name: string;
    token_hash: string;
    hint: string;
    groups: string;
    test_mode: number;
    created_at: number;
    created_by: string | null;
    expires_at: number | null;
    revoked_at: number | null;
    last_used_at: number | null;
  };
  tool_policies: { tool: string; policy: string; updated_at: number; updated_by: string | null };
  settings: { key: string; value: string; updated_at: number; updated_by: string | null };
  proposals: {
    id: string;
    tool: string;
    token_id: string;
    agent_name: string;
    reason: string;
    risks: string;
    payload: string;
    digest: string;
    context: string;
    test_mode: number;
    state: string;
    requests: number;
    created_at: number;
    expires_at: number;
    decided_by: string | null;
    decided_by_id: string | null;
    decided_at: number | null;
    comment: string | null;
    started_at: number | null;
    finished_at: number | null;
    result: string | null;
    error: string | null;
    /** The instance executing it (migration 18); null before it ever executed. */
    executor_id: string | null;
  };
  alert_claims: {
    alert_uid: string;
    actor: string;
    actor_kind: string | null;
    actor_id: string | null;
    note: string | null;
    claimed_at: number;
  };
  alert_resolutions: {
    alert_uid: string;
    via: string;
    actor: string | null;
    actor_kind: string | null;
    actor_id: string | null;
    resolved_at: number;
    alert: string;
  };
  job_runs: {
    id: string;
    created_at: number;
    updated_at: number;
    requester: string;
    requester_kind: string;
    requester_id: string | null;
    requester_key: string;
    approved_by: string | null;
    component_uid: string;
    component_name: string;
    job_name: string;
    variables: string;
    idempotency_key: string;
    request_hash: string;
    state: string;
    target_count: number;
    final_count: number;
    problem_count: number;
    counts: string;
    first_hostname: string | null;
    finished_at: number | null;
    /** The instance dispatching it (migration 18); null until one claims it. */
    executor_id: string | null;
  };
  job_targets: {
    run_id: string;
    device_uid: string;
    position: number;
    hostname: string;
    site_uid: string;
    site_name: string;
    status: string;
    datto_job_uid: string | null;
    detail: string | null;
    sent_at: number | null;
    ran_on: number | null;
    finished_at: number | null;
    warnings: number | null;
    has_stdout: number;
    has_stderr: number;
    stdout: string | null;
    stderr: string | null;
    output_fetched: number;
    updated_at: number;
  };
  component_prefs: {
    user_id: string;
    component_uid: string;
    favourite: number;
    last_used_at: number | null;
  };
  alert_last_looks: { user_id: string; seen_at: number };
  wall_tokens: {
    id: string;
    token_hash: string;
    name: string;
    layout: string;
    rotate_seconds: number;
    created_at: number;
    created_by: string | null;
    last_used_at: number | null;
    revoked_at: number | null;
  };
  wall_alert_samples: {
    at: number;
    critical: number;
    high: number;
    moderate: number;
    low: number;
    information: number;
    total: number;
  };
}
