/**
 * Seeded randomness: the simulator never calls Math.random, so the same seed always builds the same
 * tenant and the same world history. Everything lazily generated (audits, software, alert details,
 * job output) derives its own generator from a stable hash of its identity.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, then a final avalanche: a stable 32-bit hash. */
export function hash32(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x7c;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(...parts: Array<string | number>): Rng {
  return mulberry32(hash32(...parts));
}

/** A float in [0, 1) from a hash: for one-off deterministic decisions. */
export function unit(...parts: Array<string | number>): number {
  return hash32(...parts) / 4294967296;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error("weighted pick from an empty list");
  return last[0];
}

const hex8 = (rng: Rng) =>
  Math.floor(rng() * 4294967296)
    .toString(16)
    .padStart(8, "0");

/** Datto uids look like UUIDs (v4 layout). Built in one piece: 50k devices keep flat strings. */
export function uuidFrom(rng: Rng): string {
  const a = hex8(rng);
  const b = hex8(rng);
  const c = hex8(rng);
  const d = hex8(rng);
  const variant = "89ab"[parseInt(c[0]!, 16) & 3];
  return [a, b.slice(0, 4), `4${b.slice(5, 8)}`, `${variant}${c.slice(1, 4)}`, c.slice(4) + d].join(
    "-",
  );
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
