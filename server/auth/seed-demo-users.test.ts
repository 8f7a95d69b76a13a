import { describe, expect, it } from "vitest";
import { useSqliteHarness } from "../testing/store/sqlite-harness";
import { verifyPassword } from "./password";
import { seedDemoUsers } from "./seed-demo-users";

describe("seedDemoUsers", () => {
  const open = useSqliteHarness();

  it("creates one account per role with the demo password, once", async () => {
    const { store } = await open();
    expect(await seedDemoUsers(store)).toEqual(["admin", "approver", "technician", "viewer"]);
    expect((await store.users.list()).map((u) => [u.username, u.role])).toEqual([
      ["admin", "admin"],
      ["approver", "approver"],
      ["technician", "technician"],
      ["viewer", "viewer"],
    ]);
    const viewer = await store.users.findByUsername("viewer");
    expect(await verifyPassword("demo", viewer!.passwordHash)).toBe(true);
    expect(await seedDemoUsers(store)).toEqual([]);
    expect(await store.users.list()).toHaveLength(4);
  });

  it("leaves an existing account as it is", async () => {
    const { store } = await open();
    await store.users.create({ username: "admin", role: "viewer", passwordHash: "kept" });
    expect(await seedDemoUsers(store)).toEqual(["approver", "technician", "viewer"]);
    expect(await store.users.findByUsername("admin")).toMatchObject({
      role: "viewer",
      passwordHash: "kept",
    });
  });
});
