import { describe } from "vitest";
import { describeAccountContract } from "../../testing/store/account-contract";
import { describeAgentContract } from "../../testing/store/agent-contract";
import { describeAlertContract } from "../../testing/store/alert-contract";
import { describeAppendOnlyContract } from "../../testing/store/append-only-contract";
import { describeExecutorContract } from "../../testing/store/executor-contract";
import { describeFleetContract } from "../../testing/store/fleet-contract";
import { describeJobContract } from "../../testing/store/job-contract";
import { describeInstanceLockContract } from "../../testing/store/instance-lock-contract";
import { describeLoginAttemptContract } from "../../testing/store/login-attempt-contract";
import { describeRaceContract } from "../../testing/store/race-contract";
import { useSqliteHarness } from "../../testing/store/sqlite-harness";
import { describeTransactionContract } from "../../testing/store/transaction-contract";
import { describeWallContract } from "../../testing/store/wall-contract";

// The store contract, every repo, on SQLite. A PostgreSQL adapter runs the same suites.
describe("the store contract on SQLite", () => {
  const open = useSqliteHarness();
  describeAccountContract(open);
  describeLoginAttemptContract(open);
  describeFleetContract(open);
  describeInstanceLockContract(open);
  describeJobContract(open);
  describeExecutorContract(open);
  describeTransactionContract(open);
  describeRaceContract(open);
  describeAgentContract(open);
  describeAlertContract(open);
  describeAppendOnlyContract(open);
  describeWallContract(open);
});
