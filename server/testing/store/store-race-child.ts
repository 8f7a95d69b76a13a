import { createInterface } from "node:readline";
import { systemClock } from "../../lib/clock";
import { acquireInstanceLock } from "../../store/instance-lock";
import type { Store } from "../../store/port/store";
import { openSqliteStore } from "../../store/sqlite/open-sqlite-store";
import { reserveAttemptAt } from "./throttle-request";

/**
 * A second process on a store's database, for the two-process tests
 * (server/store/sqlite/two-processes.test.ts). Run as `node --import tsx store-race-child.ts
 * <dataDir> <task> [args...]`. It opens the store, prints "ready", waits for "go" on stdin, does
 * its task, prints one JSON line with the outcome and, unless told to hold its lock, exits.
 */
const [dataDir, task, ...args] = process.argv.slice(2);
const store = await openSqliteStore({ dataDir: dataDir!, clock: systemClock });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.info("ready");
await lines.next();

const tasks: Record<string, (s: Store) => Promise<unknown>> = {
  /** Removes every admin, in name order or reversed, by demoting or disabling each. */
  async "remove-admins"(s) {
    const [order, how] = args;
    const users = await s.users.list();
    if (order === "reverse") users.reverse();
    const patch = how === "disable" ? { disabled: true } : { role: "viewer" as const };
    const results = await Promise.all(users.map((u) => s.users.changeAccess(u.id, patch)));
    return results.map((r) =>
      r.ok ? (r.before.role === "admin" && !r.before.disabled ? "removed" : "unchanged") : r.reason,
    );
  },
  /** Reserves `count` sign-in attempts for one name from as many addresses, all at once. */
  async reserve(s) {
    const [count, username] = args;
    const results = await Promise.all(
      Array.from({ length: Number(count) }, (_, i) =>
        reserveAttemptAt(s, Date.now(), username!, `10.${process.pid % 250}.0.${i}`),
      ),
    );
    return results.filter((r) => r.ok).length;
  },
  /** Claims the database and keeps it until killed. */
  async lock(s) {
    await acquireInstanceLock({ store: s, clock: systemClock, onLost: () => process.exit(3) });
    return "locked";
  },
};

const outcome = await tasks[task!]!(store);
console.info(JSON.stringify(outcome));
if (task !== "lock") {
  await store.close();
  process.exit(0);
}
