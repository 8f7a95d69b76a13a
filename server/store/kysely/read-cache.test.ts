import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache";

/** A cache over a counting loader and a version the test moves by hand. */
function setup(maxEntries?: number) {
  let version = 1;
  let loads = 0;
  const cache = createReadCache<{ n: number }>(() => version, maxEntries);
  const load = async () => ({ n: ++loads });
  return { cache, load, bump: () => (version += 1), loads: () => loads };
}

describe("createReadCache", () => {
  it("answers from memory until the version moves, and hands out copies", async () => {
    const { cache, load, bump, loads } = setup();
    const first = (await cache.read("k", load))!;
    first.n = 42;
    expect(await cache.read("k", load)).toEqual({ n: 1 });
    bump();
    expect(await cache.read("k", load)).toEqual({ n: 2 });
    expect(loads()).toBe(2);
  });

  it("keeps no misses", async () => {
    const { cache } = setup();
    let loads = 0;
    const missing = async () => {
      loads += 1;
      return null;
    };
    await cache.read("gone", missing);
    await cache.read("gone", missing);
    expect(loads).toBe(2);
  });

  it("drops what was cached when this store writes", async () => {
    const { cache, load } = setup();
    await cache.read("k", load);
    await cache.write(async () => {});
    expect(await cache.read("k", load)).toEqual({ n: 2 });
  });

  it("does not keep a value whose load overlapped a write or another connection's commit", async () => {
    const { cache, bump, loads } = setup();
    let resolveLoad!: (v: { n: number }) => void;
    const slow = () => new Promise<{ n: number }>((resolve) => (resolveLoad = resolve));
    const read = cache.read("k", slow);
    await cache.write(async () => {});
    resolveLoad({ n: 7 });
    expect(await read).toEqual({ n: 7 });
    const fresh = async () => ({ n: 8 });
    expect(await cache.read("k", fresh)).toEqual({ n: 8 });

    const read2 = cache.read("j", slow);
    bump();
    resolveLoad({ n: 9 });
    await read2;
    expect(await cache.read("j", fresh)).toEqual({ n: 8 });
    expect(loads()).toBe(0);
  });

  it("starts over when full", async () => {
    const { cache, load, loads } = setup(2);
    await cache.read("a", load);
    await cache.read("b", load);
    await cache.read("c", load);
    await cache.read("c", load);
    expect(loads()).toBe(3);
    await cache.read("a", load);
    expect(loads()).toBe(4);
  });
});
