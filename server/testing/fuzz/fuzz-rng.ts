import { mulberry32 } from "../../datto/simulator/prng";

/** Seeded choices for the API fuzz: the same seed sends the same requests, in the same order. */
export function createFuzzRng(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
  };
}

export type FuzzRng = ReturnType<typeof createFuzzRng>;
