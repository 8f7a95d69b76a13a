import { benchProxy } from "./proxy";
import { printTable, type BenchRow } from "./table";
import { benchViewers } from "./viewers";

/**
 * `npm run bench [section ...]`: runs every benchmark section (or the named ones) in one process
 * and prints one table. Numbers are medians and percentiles of one run on this machine; compare
 * rows of the same run, not across machines.
 */
type Section = { name: string; run: () => Promise<BenchRow[]>; onlyWhenNamed?: boolean };

const sections: Section[] = [
  { name: "simulator", run: async () => (await import("./simulator")).benchSimulator() },
  { name: "gateway", run: async () => (await import("./gateway")).benchGateway() },
  { name: "proxy", run: benchProxy },
  { name: "store", run: async () => (await import("./store")).benchStore() },
  { name: "viewers", run: benchViewers },
  { name: "fleet", run: async () => (await import("./fleet")).benchFleet() },
  { name: "agents", run: async () => (await import("./agents")).benchAgents() },
  { name: "jobs", run: async () => (await import("./jobs")).benchJobs() },
  { name: "browser", run: async () => (await import("./browser-run")).benchBrowserWithServer() },
  { name: "alerts", run: async () => (await import("./alerts")).benchAlerts() },
  {
    name: "alerts-browser",
    run: async () => (await import("./alerts-browser")).benchAlertsBrowser(),
  },
  // Issue 13: 200,000 devices. Not in the default run (minutes and GBs): `npm run bench scale`.
  { name: "scale", run: async () => (await import("./scale")).benchScale(), onlyWhenNamed: true },
  { name: "wall", run: async () => (await import("./wall")).benchWall() },
];

const wanted = process.argv.slice(2);
const results: Array<{ section: string; rows: BenchRow[] }> = [];
let failed = false;
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  if (wanted.length === 0 && section.onlyWhenNamed) continue;
  const started = performance.now();
  console.info(`running ${section.name}...`);
  try {
    const rows = await section.run();
    results.push({ section: section.name, rows });
  } catch (error) {
    failed = true;
    console.error(`${section.name} failed:`, error instanceof Error ? error.stack : error);
    results.push({
      section: section.name,
      rows: [{ name: "FAILED", value: Number.NaN, unit: "", note: String(error) }],
    });
  }
  console.info(`  ${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.info("");
printTable(results);
process.exit(failed ? 1 : 0);
