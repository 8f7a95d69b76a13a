import { parseArgs } from "node:util";
import type { CliActor } from "../contract/actor";
import { RoleSchema, ROLES, type Role } from "../contract/roles";
import { CreateUserSchema, PasswordSchema, type User } from "../contract/users";
import { ConfigError, parseConfig } from "../env";
import { systemClock } from "../lib/clock";
import type { Store } from "../store/port/store";
import { openPostgresStore } from "../store/postgres/open-postgres-store";
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";
import { createUserAdmin } from "../users/user-admin";
import { PromptUnavailableError, promptHidden, type PromptInput } from "./user-password-prompt";

export type UserCliIo = {
  env: Record<string, string | undefined>;
  stdin: PromptInput;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
};

const USAGE = `Usage: npm run user -- <command>
  add <username> --role <${ROLES.join("|")}>   create a user
  list                                         list users
  set-role <username> <role>                   change a user's role
  disable <username>                           block sign-in and end the user's sessions
  enable <username>                            allow sign-in again
  reset-password <username>                    set a new password and end the user's sessions
The password is read from RMM_DECK_PASSWORD, or asked for twice on the terminal.
The database is PostgreSQL at DATABASE_URL when set, else SQLite in DATA_DIR (default ./data).
`;

const ACTOR: CliActor = { kind: "cli" };

class CliError extends Error {}

/** `npm run user -- ...`: manage accounts without the web console. Returns the exit code. */
export async function runUserCli(argv: string[], io: UserCliIo): Promise<number> {
  let store: Store | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { role: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    const [command, ...args] = positionals;
    if (values.help || command === undefined || command === "help") {
      io.stdout.write(USAGE);
      return command === undefined && !values.help ? 1 : 0;
    }
    const { dataDir, databaseUrl } = parseConfig(io.env);
    // No instance lock: the CLI runs beside the server by design; its writes are atomic anyway.
    store = databaseUrl
      ? await openPostgresStore({ connectionString: databaseUrl, clock: systemClock, poolSize: 2 })
      : await openSqliteStore({ dataDir, clock: systemClock });
    await runCommand(store, command, args, values.role, io);
    return 0;
  } catch (error) {
    const known =
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof PromptUnavailableError ||
      (error instanceof TypeError &&
        "code" in error &&
        String(error.code).startsWith("ERR_PARSE_ARGS"));
    if (!known) throw error;
    io.stderr.write(`Error: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

async function runCommand(
  store: Store,
  command: string,
  args: string[],
  roleOption: string | undefined,
  io: UserCliIo,
) {
  const admin = createUserAdmin({ store });
  const expectArgs = (n: number, shape: string) => {
    if (args.length !== n) throw new CliError(`Expected: ${command} ${shape}\n\n${USAGE}`);
  };
  switch (command) {
    case "add": {
      expectArgs(1, "<username> --role <role>");
      if (roleOption === undefined) throw new CliError("Give the new user a role: --role <role>.");
      const username = parseUsername(args[0]!);
      const role = parseRole(roleOption);
      if (await store.users.findByUsername(username)) {
        throw new CliError(`The username ${username} is taken.`);
      }
      const password = await readPassword(io);
      const result = await admin.create(ACTOR, { username, role, password });
      if (!result.ok) throw new CliError(result.message);
      io.stdout.write(`Created ${username} (${role}).\n`);
      return;
    }
    case "list":
      expectArgs(0, "");
      io.stdout.write(formatUsers(await store.users.list()));
      return;
    case "set-role": {
      expectArgs(2, "<username> <role>");
      const user = await findUser(store, args[0]!);
      const result = await admin.update(ACTOR, user.id, { role: parseRole(args[1]!) });
      if (!result.ok) throw new CliError(result.message);
      io.stdout.write(`${user.username} is now ${result.user.role}.\n`);
      return;
    }
    case "disable":
    case "enable": {
      expectArgs(1, "<username>");
      const user = await findUser(store, args[0]!);
      const result = await admin.update(ACTOR, user.id, { disabled: command === "disable" });
      if (!result.ok) throw new CliError(result.message);
      io.stdout.write(`${user.username} is ${command}d.\n`);
      return;
    }
    case "reset-password": {
      expectArgs(1, "<username>");
      const user = await findUser(store, args[0]!);
      const password = await readPassword(io);
      const result = await admin.resetPassword(ACTOR, user.id, password);
      if (!result.ok) throw new CliError(result.message);
      io.stdout.write(
        `Password for ${user.username} changed; ${result.sessionsRevoked} session(s) ended.\n`,
      );
      return;
    }
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

function parseUsername(input: string): string {
  const parsed = CreateUserSchema.shape.username.safeParse(input);
  if (!parsed.success) throw new CliError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function parseRole(input: string): Role {
  const parsed = RoleSchema.safeParse(input);
  if (!parsed.success) {
    throw new CliError(`Unknown role "${input}". Roles: ${ROLES.join(", ")}.`);
  }
  return parsed.data;
}

async function findUser(store: Store, username: string) {
  const user = await store.users.findByUsername(username);
  if (!user) throw new CliError(`No user named ${username}. See: npm run user -- list`);
  return user;
}

async function readPassword(io: UserCliIo): Promise<string> {
  let password = io.env.RMM_DECK_PASSWORD;
  if (password === undefined) {
    password = await promptHidden("Password: ", io.stdin, io.stdout);
    const again = await promptHidden("Password again: ", io.stdin, io.stdout);
    if (again !== password) throw new CliError("The two passwords differ. Nothing was changed.");
  }
  const parsed = PasswordSchema.safeParse(password);
  if (!parsed.success) throw new CliError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function formatUsers(users: User[]): string {
  if (users.length === 0) return "No users yet. Add one: npm run user -- add <name> --role admin\n";
  const rows = [
    ["USERNAME", "ROLE", "STATUS", "LAST SIGN-IN"],
    ...users.map((u) => [
      u.username,
      u.role,
      u.disabled ? "disabled" : "active",
      u.lastLoginAt === null ? "never" : new Date(u.lastLoginAt).toISOString(),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
