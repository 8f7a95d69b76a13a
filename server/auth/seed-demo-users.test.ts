import { afterEach, describe, expect, it } from "vitest";
import { createTestStore } from "../testing/create-test-store";
import { verifyPassword } from "./password";
import { seedDemoUsers } from "./seed-demo-users";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("seedDemoUsers", () => {
  it("creates one account per role with the demo password, once", async () => {
    const { store, cleanup } = createTestStore();
    cleanups.push(cleanup);
    expect(await seedDemoUsers(store)).toEqual(["admin", "approver", "technician", "viewer"]);
    expect(store.users.list().map((u) => [u.username, u.role])).toEqual([
      ["admin", "admin"],
      ["approver", "approver"],
      ["technician", "technician"],
      ["viewer", "viewer"],
    ]);
    expect(await verifyPassword("demo", store.users.findByUsername("viewer")!.passwordHash)).toBe(
      true,
    );
    expect(await seedDemoUsers(store)).toEqual([]);
    expect(store.users.list()).toHaveLength(4);
  });

  it("leaves an existing account as it is", async () => {
    const { store, cleanup } = createTestStore();
    cleanups.push(cleanup);
    store.users.create({ username: "admin", role: "viewer", passwordHash: "kept" });
    expect(await seedDemoUsers(store)).toEqual(["approver", "technician", "viewer"]);
    expect(store.users.findByUsername("admin")).toMatchObject({
      role: "viewer",
      passwordHash: "kept",
    });
  });
});
