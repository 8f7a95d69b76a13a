import type { Migration } from "./migration";

const columns = (ms: string) => `
        id TEXT PRIMARY KEY,
        tool TEXT NOT NULL,
        token_id TEXT NOT NULL,
        agent_name TEXT NOT NULL,
        reason TEXT NOT NULL,
        risks TEXT NOT NULL,
        payload TEXT NOT NULL,
        digest TEXT NOT NULL,
        context TEXT NOT NULL,
        test_mode INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 1,
        created_at ${ms} NOT NULL,
        expires_at ${ms} NOT NULL,
        decided_by TEXT,
        decided_by_id TEXT,
        decided_at ${ms},
        comment TEXT,
        started_at ${ms},
        finished_at ${ms},
        result TEXT,
        error TEXT`;

/**
 * Proposals: an agent's write waiting for a person. Every state change is a conditional UPDATE
 * on `state` (decision 0023), so one approval and one execution win whatever the concurrency.
 * The partial unique index merges identical pending proposals of one token atomically.
 */
export const proposalsMigration: Migration = {
  version: 12,
  name: "proposals",
  statements: {
    sqlite: [
      `CREATE TABLE proposals (${columns("INTEGER")}
      )`,
      `CREATE UNIQUE INDEX proposals_pending_digest ON proposals(token_id, digest) WHERE state = 'pending'`,
      `CREATE INDEX proposals_state_created ON proposals(state, created_at)`,
    ],
    postgres: [
      `CREATE TABLE proposals (${columns("BIGINT")}
      )`,
      `CREATE UNIQUE INDEX proposals_pending_digest ON proposals(token_id, digest) WHERE state = 'pending'`,
      `CREATE INDEX proposals_state_created ON proposals(state, created_at)`,
    ],
  },
};
