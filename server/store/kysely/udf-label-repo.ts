import type { Kysely } from "kysely";
import type { UdfLabels } from "../../contract/views";
import type { UdfLabelRepo } from "../port/fleet-repos";
import type { Database } from "./database";
import { cachedRead, type RepoContext } from "./repo-context";

const udfIndex = (key: string) => Number(key.slice(3));

const readAll = async (db: Kysely<Database>): Promise<UdfLabels> => {
  const rows = await db.selectFrom("udf_labels").select(["udf_key", "label"]).execute();
  rows.sort((a, b) => udfIndex(a.udf_key) - udfIndex(b.udf_key));
  return Object.fromEntries(rows.map((r) => [r.udf_key, r.label]));
};

export function createUdfLabelRepo({ db, clock, caches, atomically }: RepoContext): UdfLabelRepo {
  // Every device page shows the labels: cached like sessions and users (read-cache.ts).
  const cache = caches.udfLabels;
  return {
    getAll: async () => (await cachedRead(db, cache, "all", () => readAll(db)))!,
    replaceAll: (labels) =>
      cache.write(() =>
        atomically(async (trx) => {
          await trx.deleteFrom("udf_labels").execute();
          const now = clock.now();
          const rows = Object.entries(labels)
            .map(([udf_key, label]) => ({ udf_key, label: label.trim(), updated_at: now }))
            .filter((r) => r.label !== "");
          if (rows.length > 0) await trx.insertInto("udf_labels").values(rows).execute();
          return readAll(trx);
        }),
      ),
  };
}
