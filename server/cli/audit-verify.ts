import { ConfigError, parseConfig } from "../env";
import { systemClock } from "../lib/clock";
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";

export type AuditVerifyIo = {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
};

/**
 * `npm run audit:verify`: walks the audit log's hash chain in DATA_DIR's database from the first
 * row and names the first row that was changed, removed or inserted. Exit 0 when intact, 1 when
 * broken, 2 when it could not check. Safe beside a running server: it only reads.
 */
export async function runAuditVerifyCli(io: AuditVerifyIo): Promise<number> {
  let config;
  try {
    config = parseConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const store = await openSqliteStore({ dataDir: config.dataDir, clock: systemClock });
  try {
    const { checked, broken } = await store.events.verifyChain();
    if (broken) {
      io.stdout.write(
        `The audit log is BROKEN at event ${broken.id}: ${broken.problem}. ${checked} event(s) before it are intact.\n`,
      );
      return 1;
    }
    io.stdout.write(`The audit log is intact: ${checked} event(s), every link checked.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
