import type { Database } from "better-sqlite3";
import type { UdfLabels } from "../../contract/views";
import type { Clock } from "../../lib/clock";
import type { UdfLabelRepo } from "../fleet-repos";

export function createUdfLabelRepo(db: Database, clock: Clock): UdfLabelRepo {
  const all = db.prepare<[], { udf_key: string; label: string }>(
    "SELECT udf_key, label FROM udf_labels",
  );
  const clear = db.prepare("DELETE FROM udf_labels");
  const insert = db.prepare("INSERT INTO udf_labels (udf_key, label, updated_at) VALUES (?, ?, ?)");
  const getAll = (): UdfLabels => {
    const rows = all.all();
    const index = (key: string) => Number(key.slice(3));
    rows.sort((a, b) => index(a.udf_key) - index(b.udf_key));
    return Object.fromEntries(rows.map((r) => [r.udf_key, r.label]));
  };
  const replace = db.transaction((labels: UdfLabels) => {
    clear.run();
    const now = clock.now();
    for (const [key, label] of Object.entries(labels)) {
      if (label.trim() !== "") insert.run(key, label.trim(), now);
    }
  });
  return {
    getAll,
    replaceAll(labels) {
      replace(labels);
      return getAll();
    },
  };
}
