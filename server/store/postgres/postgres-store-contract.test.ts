import { describe } from "vitest";
import { describeStoreContract } from "../../testing/store/store-contract";
import { usePgliteHarness } from "../../testing/store/pglite-harness";

// The store contract, every repo, on PostgreSQL's SQL: an embedded PostgreSQL (PGlite), so it runs
// everywhere. postgres-server-contract.test.ts runs it on a real server when DATABASE_URL is set.
describe("the store contract on PostgreSQL (embedded, PGlite)", { timeout: 60_000 }, () => {
  const open = usePgliteHarness();
  describeStoreContract(open);
});
