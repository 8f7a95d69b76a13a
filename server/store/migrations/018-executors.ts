import type { Migration } from "./migration";

/**
 * Which instance is executing a job run's dispatch or a proposal (decision 0030): with several
 * instances, start-up and periodic recovery settle only rows whose executor's lease
 * (`executor:<id>` in instance_leases) has lapsed, never another live instance's work in flight.
 */
export const executorsMigration: Migration = {
  version: 18,
  name: "executors",
  statements: {
    sqlite: [
      `ALTER TABLE job_runs ADD COLUMN executor_id TEXT`,
      `ALTER TABLE proposals ADD COLUMN executor_id TEXT`,
    ],
    postgres: [
      `ALTER TABLE job_runs ADD COLUMN executor_id TEXT`,
      `ALTER TABLE proposals ADD COLUMN executor_id TEXT`,
    ],
  },
};
