import { describeAccountContract } from "./account-contract";
import { describeAgentContract } from "./agent-contract";
import { describeAlertContract } from "./alert-contract";
import { describeAppendOnlyContract } from "./append-only-contract";
import { describeExecutorContract } from "./executor-contract";
import { describeFleetContract } from "./fleet-contract";
import { describeInstanceLockContract } from "./instance-lock-contract";
import { describeJobContract } from "./job-contract";
import { describeLoginAttemptContract } from "./login-attempt-contract";
import { describeRaceContract } from "./race-contract";
import { describeTransactionContract } from "./transaction-contract";
import { describeWallContract } from "./wall-contract";
import type { RawSql, StoreHarness } from "./store-harness";

/**
 * Every repo's contract, in one list that SQLite, PGlite and the real PostgreSQL server all run:
 * a new repo's suite added here runs on all three (it used to be three lists kept by hand).
 */
export function describeStoreContract(open: () => Promise<StoreHarness & { raw: RawSql }>) {
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
}
