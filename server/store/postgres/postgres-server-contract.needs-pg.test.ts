import { describe } from "vitest";
import { describeStoreContract } from "../../testing/store/store-contract";
import { usePostgresServerHarness } from "../../testing/store/postgres-server-harness";

// The store contract, every repo, on a real PostgreSQL server: pools racing for real (row locks,
// unique indexes, advisory locks). Runs only when DATABASE_URL is set (vite.config.ts); a fresh
// schema per test, dropped afterwards.
describe("the store contract on a PostgreSQL server (DATABASE_URL)", { timeout: 60_000 }, () => {
  const open = usePostgresServerHarness(process.env.DATABASE_URL!);
  describeStoreContract(open);
});
