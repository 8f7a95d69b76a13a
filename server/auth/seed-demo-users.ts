import type { Role } from "../contract/roles";
import type { Store } from "../store/port/store";
import { UsernameTakenError } from "../store/port/user-repo";
import { hashPassword } from "./password";

/**
 * The demo tenant's accounts, one per role, listed on the login page in demo mode only. Their
 * password is shorter than the 8-character policy on purpose (easy to type in a demo): they are
 * written straight to the store, bypassing PasswordSchema, and never exist in live mode.
 */
export const DEMO_PASSWORD = "demo";
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; password: string }> = (
  ["admin", "approver", "technician", "viewer"] as const
).map((role) => ({ username: role, role, password: DEMO_PASSWORD }));

/** Creates the missing demo accounts; existing ones are left as they are. Returns those created. */
export async function seedDemoUsers(store: Pick<Store, "users">): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await store.users.findByUsername(account.username)) continue;
    const passwordHash = await hashPassword(account.password);
    try {
      await store.users.create({ username: account.username, role: account.role, passwordHash });
    } catch (error) {
      // Created meanwhile (the `user` CLI runs beside the server): left as it is, like any other.
      if (error instanceof UsernameTakenError) continue;
      throw error;
    }
    created.push(account.username);
  }
  return created;
}
