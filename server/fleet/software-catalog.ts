import type { StoredSoftwareCatalog } from "../store/port/software-catalog-repo";

/**
 * Per-device software lists, compactly: every distinct (name, version) pair is stored once and a
 * device keeps only pair ids. 50,000 devices x ~100 titles stay in tens of MB instead of GBs.
 */
export type CatalogEntry = { fetchedAt: number; pairs: Uint32Array };

export function createSoftwareCatalog() {
  const names: string[] = [];
  const versions: string[] = [];
  const lowerNames: string[] = [];
  const ids = new Map<string, number>();
  const devices = new Map<string, CatalogEntry>();

  const intern = (name: string, version: string) => {
    const key = `${name}\u0000${version}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      versions.push(version);
      lowerNames.push(name.toLowerCase());
      ids.set(key, id);
    }
    return id;
  };

  return {
    put(deviceUid: string, items: { name: string; version: string }[], fetchedAt: number) {
      const pairs = Uint32Array.from(items, (i) => intern(i.name, i.version));
      devices.set(deviceUid, { fetchedAt, pairs });
    },
    /** Adds lists kept in the store (a restart); a list already here and as new is kept. */
    restore(stored: StoredSoftwareCatalog) {
      const local = new Map(stored.titles.map((t) => [t.id, intern(t.name, t.version)]));
      for (const d of stored.devices) {
        if ((devices.get(d.deviceUid)?.fetchedAt ?? -Infinity) >= d.fetchedAt) continue;
        const pairs = d.titleIds.map((id) => local.get(id)!);
        devices.set(d.deviceUid, { fetchedAt: d.fetchedAt, pairs });
      }
    },
    get: (deviceUid: string) => devices.get(deviceUid),
    /** A lookup table: matches[pairId] === 1 when the pair's name contains `text`. */
    matchPairs(text: string): Uint8Array {
      const needle = text.toLowerCase();
      const matches = new Uint8Array(names.length);
      lowerNames.forEach((n, i) => {
        if (n.includes(needle)) matches[i] = 1;
      });
      return matches;
    },
    pair: (id: number) => ({ name: names[id] ?? "", version: versions[id] ?? "" }),
  };
}
