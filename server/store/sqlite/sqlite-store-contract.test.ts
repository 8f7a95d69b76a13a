import { describe } from "vitest";
import { describeAccountContract } from "../testing/account-contract";
import { describeFleetContract } from "../testing/fleet-contract";
import { describeInstanceLockContract } from "../testing/instance-lock-contract";
import { describeLoginAttemptContract } from "../testing/login-attempt-contract";
import { describeRaceContract } from "../testing/race-contract";
import { useSqliteHarness } from "../testing/sqlite-harness";
import { describeTransactionContract } from "../testing/transaction-contract";

// The store contract, every repo, on SQLite. A PostgreSQL adapter runs the same suites.
describe("the store contract on SQLite", () => {
  const open = useSqliteHarness();
  describeAccountContract(open);
  describeLoginAttemptContract(open);
  describeFleetContract(open);
  describeInstanceLockContract(open);
  describeTransactionContract(open);
  describeRaceContract(open);
});
