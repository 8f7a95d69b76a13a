import { describe } from "vitest";
import { describeAccountContract } from "../../testing/store/account-contract";
import { describeAlertContract } from "../../testing/store/alert-contract";
import { describeAppendOnlyContract } from "../../testing/store/append-only-contract";
import { describeExecutorContract } from "../../testing/store/executor-contract";
import { describeFleetContract } from "../../testing/store/fleet-contract";
import { describeJobContract } from "../../testing/store/job-contract";
import { describeWallContract } from "../../testing/store/wall-contract";
import { describeAgentContract } from "../../testing/store/agent-contract";
import { describeInstanceLockContract } from "../../testing/store/instance-lock-contract";
import { describeLoginAttemptContract } from "../../testing/store/login-attempt-contract";
import { usePgliteHarness } from "../../testing/store/pglite-harness";
import { describeRaceContract } from "../../testing/store/race-contract";
import { describeTransactionContract } from "../../testing/store/transaction-contract";

// The store contract, every repo, on PostgreSQL's SQL: an embedded PostgreSQL (PGlite), so it runs
// everywhere. postgres-server-contract.test.ts runs it on a real server when DATABASE_URL is set.
describe("the store contract on PostgreSQL (embedded, PGlite)", { timeout: 60_000 }, () => {
  const open = usePgliteHarness();
  describeAccountContract(open);
  describeLoginAttemptContract(open);
  describeFleetContract(open);
  describeInstanceLockContract(open);
  describeTransactionContract(open);
  describeRaceContract(open);
  describeAppendOnlyContract(open);
  describeAlertContract(open);
  describeJobContract(open);
  describeExecutorContract(open);
  describeWallContract(open);
  describeAgentContract(open);
});
