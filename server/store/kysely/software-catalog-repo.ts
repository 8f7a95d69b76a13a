import type { Kysely } from "kysely";
import type { SoftwareCatalogRepo, SoftwareItem } from "../port/software-catalog-repo";
import type { Database } from "./database";
import type { RepoContext } from "./repo-context";

// Rows per statement: keeps every statement far below both dialects' limits on bound parameters.
const CHUNK = 500;

const titleKey = (name: string, version: string) => `${name}\u0000${version}`;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const encodeIds = (ids: number[]) => {
  const bytes = Buffer.alloc(ids.length * 4);
  ids.forEach((id, i) => bytes.writeUInt32LE(id, i * 4));
  return bytes;
};

const decodeIds = (bytes: Buffer) => {
  const ids = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < ids.length; i++) ids[i] = bytes.readUInt32LE(i * 4);
  return ids;
};

/** Adds the titles not stored yet (another process may add the same at once) and maps each to its id. */
async function titleIds(
  trx: Kysely<Database>,
  items: SoftwareItem[],
): Promise<Map<string, number>> {
  const distinct = [...new Map(items.map((i) => [titleKey(i.name, i.version), i])).values()];
  for (const part of chunks(distinct)) {
    await trx
      .insertInto("software_titles")
      .values(part)
      .onConflict((oc) => oc.columns(["name", "version"]).doNothing())
      .execute();
  }
  const ids = new Map<string, number>();
  // By name, not by (name, version) pairs: SQLite's IN takes no list of row values.
  for (const names of chunks([...new Set(distinct.map((i) => i.name))])) {
    const rows = await trx
      .selectFrom("software_titles")
      .select(["id", "name", "version"])
      .where("name", "in", names)
      .execute();
    for (const r of rows) ids.set(titleKey(r.name, r.version), Number(r.id));
  }
  return ids;
}

export function createSoftwareCatalogRepo({ db, atomically }: RepoContext): SoftwareCatalogRepo {
  return {
    put: (deviceUid, items, fetchedAt) =>
      atomically(async (trx) => {
        const ids = await titleIds(trx, items);
        const row = {
          fetched_at: fetchedAt,
          title_ids: encodeIds(items.map((i) => ids.get(titleKey(i.name, i.version))!)),
        };
        await trx
          .insertInto("software_devices")
          .values({ device_uid: deviceUid, ...row })
          .onConflict((oc) => oc.column("device_uid").doUpdateSet(row))
          .execute();
      }),
    async loadAll() {
      // Devices first: every title a device row names was committed with or before it, and titles
      // are never deleted, so the titles read next include them all without a transaction.
      const devices = await db
        .selectFrom("software_devices")
        .select(["device_uid", "fetched_at", "title_ids"])
        .execute();
      const titles = await db
        .selectFrom("software_titles")
        .select(["id", "name", "version"])
        .execute();
      return {
        titles: titles.map((t) => ({ id: Number(t.id), name: t.name, version: t.version })),
        devices: devices.map((d) => ({
          deviceUid: d.device_uid,
          fetchedAt: d.fetched_at,
          titleIds: decodeIds(d.title_ids),
        })),
      };
    },
  };
}
