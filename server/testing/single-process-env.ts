/**
 * The environment for a child process that must be one instance on its own SQLite data folder,
 * whatever the shell has set. CI exports DATABASE_URL and REDIS_URL for the several-instances
 * suites; a child that inherited them would share (and leave rows in) that PostgreSQL database,
 * so a second run would meet the first run's users.
 */
const SHARED_SERVICES = ["DATABASE_URL", "REDIS_URL"] as const;

export function singleProcessEnv(
  extra: Record<string, string> = {},
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...extra };
  for (const name of SHARED_SERVICES) delete env[name];
  return env;
}
