import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium";

/**
 * `npm test`: typecheck, lint, Vitest (server + web) and the Playwright e2e suite, in that order,
 * then one plain summary line `N passed, N failed[, N skipped]` summing every suite, which CI reads.
 * A failing typecheck or lint counts as one failed check each.
 */
const outDir = ".test-output";
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const add = (t: Tally) => {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
};

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.info(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label: string, ok: boolean) {
  add(ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
  if (!ok) console.error(`${label} failed`);
}

const only = process.argv[2]; // optional: "unit" or "e2e" to run one suite while working

if (!only) {
  check("typecheck", run("typecheck", "npx", ["tsc", "-p", "."]));
  check("lint", run("lint", "npx", ["eslint", "--max-warnings=0", "."]));
}

if (!only || only === "unit") {
  const file = `${outDir}/vitest.json`;
  const ok = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    // A suite that fails to load has no tests to count: count it as a failure.
    add({
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numFailedTests === 0 && !ok ? Math.max(1, r.numFailedTestSuites) : 0),
      skipped: r.numPendingTests + r.numTodoTests,
    });
  } else {
    check("vitest", false);
  }
}

if (!only || only === "e2e") {
  let chromium: string | null = null;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error((error as Error).message);
  }
  const built = chromium !== null && run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
  const file = `${outDir}/playwright.json`;
  if (built && chromium) {
    run("e2e", "npx", ["playwright", "test", "--reporter=list,json"], {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    });
  }
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
      errors?: unknown[];
    };
    const loadErrors = r.errors?.length ?? 0;
    add({
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected + (r.stats.unexpected === 0 ? loadErrors : 0),
      skipped: r.stats.skipped,
    });
  } else {
    check("e2e", false);
  }
}

// The suites that need PostgreSQL or Redis (vite.config.ts) run only where those are configured.
const serviceNotes = [
  { suite: "store contract and server on a PostgreSQL server", needs: ["DATABASE_URL"] },
  { suite: "Redis coordination (budget, token, lease, live bus)", needs: ["REDIS_URL"] },
  { suite: "several instances (three servers on PostgreSQL + Redis)", needs: ["DATABASE_URL", "REDIS_URL"] },
].map(({ suite, needs }) => {
  const missing = needs.filter((name) => !process.env[name]);
  return missing.length === 0
    ? `ran: ${suite}`
    : `NOT run: ${suite}, because ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set (README: "Running several instances")`;
});
if (!only || only === "unit") console.info(`\n${serviceNotes.join("\n")}`);

const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
console.info(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
