import type { ManualClock } from "../../lib/clock";
import type { Store } from "../../store/port/store";

/**
 * What the store contract suites run against: a fresh, empty, migrated store on some database,
 * and a way to open a second store on the same database (another connection, as another process
 * would). Whoever provides it closes both and removes the database after each test.
 */
export type StoreHarness = {
  store: Store;
  clock: ManualClock;
  openAnother(): Promise<Store>;
};

export type OpenStoreHarness = () => Promise<StoreHarness>;

/** Runs one SQL statement on the harness's database directly, as any client of it could. */
export type RawSql = (statement: string) => Promise<void>;
