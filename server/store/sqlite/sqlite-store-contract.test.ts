import { describe } from "vitest";
import { describeStoreContract } from "../../testing/store/store-contract";
import { useSqliteHarness } from "../../testing/store/sqlite-harness";

// The store contract, every repo, on SQLite. A PostgreSQL adapter runs the same suites.
describe("the store contract on SQLite", () => {
  const open = useSqliteHarness();
  describeStoreContract(open);
});
