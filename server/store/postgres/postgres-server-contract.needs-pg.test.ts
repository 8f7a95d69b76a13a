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
import { usePostgresServerHarness } from "../../testing/store/postgres-server-harness";
import { describeRaceContract } from "../../testing/store/race-contract";
import { describeTransactionContract } from "../../testing/store/transaction-contract";

// The store contract, every repo, on a real PostgreSQL server: pools racing for real (row locks,
// unique indexes, advisory locks). Runs only when DATABASE_URL is set (vite.config.ts); a fresh
// schema per test, dropped afterwards.
describe("the store contract on a PostgreSQL server (DATABASE_URL)", { timeout: 60_000 }, () => {
  const open = usePostgresServerHarness(process.env.DATABASE_URL!);
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
