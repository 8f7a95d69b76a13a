import type { DattoApi } from "../server/datto/api/create-datto-api";
import type { FleetIndex } from "../server/fleet/fleet-index";
import { createSoftwareSearch } from "../server/fleet/software-search";
import type { Clock } from "../server/lib/clock";
import type { Logger } from "../server/lib/logger";
import { median } from "./table";
import type { BenchRow } from "./table";

const TITLES = [
  "Google Chrome",
  "Microsoft Edge",
  "Mozilla Firefox",
  "7-Zip",
  "Adobe Acrobat Reader",
  "Microsoft Office",
  "Zoom",
  "Slack",
  "Notepad++",
  "VLC media player",
];

/**
 * Software search over every device of the fleet, its audits known: the server filters by a
 * version, sorts and counts every match (not the first 1,000 listed) on each poll.
 */
export async function benchSoftwareSearch(deps: {
  datto: DattoApi;
  fleet: FleetIndex;
  clock: Clock;
  logger: Logger;
}): Promise<BenchRow[]> {
  const software = createSoftwareSearch(deps);
  const devices = deps.fleet.snapshot().devices.filter((d) => d.deviceClass === "device");
  devices.forEach((d, i) => {
    const items = TITLES.map((name, t) => ({
      name,
      version: `${100 + ((i + t) % 30)}.0.${i % 7}`,
    }));
    software.remember(d.uid, items, deps.clock.now());
  });
  const time = (f: () => unknown) =>
    median(
      [0, 1, 2, 3, 4].map(() => {
        const t = performance.now();
        f();
        return performance.now() - t;
      }),
    );
  const note = `${devices.length.toLocaleString("en")} devices x ${TITLES.length} titles; median of 5`;
  const answer = software.search("chrome", null);
  const version = answer.versions[0]!.version;
  const rows: BenchRow[] = [
    {
      name: "software search answer (every match counted)",
      value: time(() => software.search("chrome", null)),
      unit: "ms",
      note,
    },
    {
      name: "software search, one version, sorted by device desc",
      value: time(() =>
        software.search("chrome", null, { version, sort: "hostname", dir: "desc" }),
      ),
      unit: "ms",
      note,
    },
    {
      name: "software export rows, sorted by version",
      value: time(() => software.matches("chrome", null, { sort: "version" })),
      unit: "ms",
      note: `${answer.matchCount.toLocaleString("en")} rows; ${note}`,
    },
  ];
  await software.stop();
  return rows;
}
