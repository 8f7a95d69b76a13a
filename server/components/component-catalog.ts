import type { Component } from "../contract/components";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import type { Priority } from "../datto/gateway/types";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { mapComponent } from "./map-component";

export type ComponentMatch =
  | { kind: "found"; component: Component }
  | { kind: "ambiguous"; candidates: Component[] }
  | { kind: "none"; suggestions: Component[] };

export type CatalogSnapshot = { components: Component[]; fetchedAt: number | null; stale: boolean };

export interface ComponentCatalog {
  /** Reads the catalog now if it was never read, then refreshes it in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One background refresh when the catalog is older than the refresh interval. */
  tick(): Promise<void>;
  /** The catalog, read from Datto on first use (then cached, refreshed in the background). */
  current(): Promise<CatalogSnapshot>;
  get(uid: string): Promise<Component | null>;
  /** By uid, then exact name, then a unique partial match; ambiguity lists the candidates. */
  find(nameOrUid: string): Promise<ComponentMatch>;
}

const REFRESH_MS = 15 * 60_000;
const MAX_CANDIDATES = 10;

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Every word of `q` in the name, category or description (case-insensitive). */
export function searchComponents(
  components: readonly Component[],
  query: { q?: string | undefined; category?: string | undefined },
): Component[] {
  const terms = words(query.q ?? "");
  const category = query.category?.toLowerCase();
  return components.filter((c) => {
    if (category && (c.category ?? "").toLowerCase() !== category) return false;
    const hay = `${c.name}\n${c.category ?? ""}\n${c.description ?? ""}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

/** The pure matching rule behind find(), exported for tests. */
export function matchComponent(components: readonly Component[], input: string): ComponentMatch {
  const wanted = input.trim();
  const byUid = components.find((c) => c.uid === wanted);
  if (byUid) return { kind: "found", component: byUid };
  const lower = wanted.toLowerCase();
  const exactCase = components.filter((c) => c.name === wanted);
  if (exactCase.length === 1) return { kind: "found", component: exactCase[0]! };
  const exact = components.filter((c) => c.name.toLowerCase() === lower);
  if (exact.length === 1) return { kind: "found", component: exact[0]! };
  if (exact.length > 1) return { kind: "ambiguous", candidates: exact.slice(0, MAX_CANDIDATES) };
  const terms = words(wanted);
  const partial = components.filter((c) => {
    const name = c.name.toLowerCase();
    return terms.length > 0 && terms.every((t) => name.includes(t));
  });
  if (partial.length === 1) return { kind: "found", component: partial[0]! };
  if (partial.length > 1)
    return { kind: "ambiguous", candidates: partial.slice(0, MAX_CANDIDATES) };
  const scored = components
    .map((c) => ({ c, score: terms.filter((t) => c.name.toLowerCase().includes(t)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name));
  return { kind: "none", suggestions: scored.slice(0, 5).map((s) => s.c) };
}

export function createComponentCatalog(deps: {
  datto: DattoApi;
  clock: Clock;
  logger: Logger;
  refreshMs?: number;
}): ComponentCatalog {
  const { datto, clock, logger } = deps;
  const refreshMs = deps.refreshMs ?? REFRESH_MS;
  let snapshot: CatalogSnapshot = { components: [], fetchedAt: null, stale: false };
  let loading: Promise<CatalogSnapshot> | null = null;
  let controller = new AbortController();
  let loop: Promise<void> | null = null;

  function load(priority: Priority): Promise<CatalogSnapshot> {
    loading ??= (async () => {
      try {
        const fresh = await datto.listComponents({
          priority,
          maxAgeMs: 60_000,
          signal: controller.signal,
        });
        const components = fresh.data
          .map(mapComponent)
          .sort((a, b) => a.name.localeCompare(b.name));
        snapshot = { components, fetchedAt: fresh.fetchedAt, stale: fresh.stale };
        return snapshot;
      } catch (error) {
        if (snapshot.fetchedAt === null) throw error;
        logger.warn("component catalog not refreshed; serving the last one", {
          error: error instanceof DattoError ? error.message : String(error),
        });
        snapshot = { ...snapshot, stale: true };
        return snapshot;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  const current = () =>
    snapshot.fetchedAt === null ? load("interactive") : Promise.resolve(snapshot);

  const tick = async () => {
    if (snapshot.fetchedAt !== null && clock.now() - snapshot.fetchedAt < refreshMs) return;
    try {
      await load("background");
    } catch (error) {
      logger.warn("component catalog could not be read", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return {
    async start() {
      if (loop) return;
      controller = new AbortController();
      const signal = controller.signal;
      loop = (async () => {
        while (!signal.aborted) {
          await tick();
          await clock.sleep(60_000, signal).catch(() => {});
        }
      })();
    },
    async stop() {
      controller.abort(new Error("Component catalog stopped."));
      await loop;
      loop = null;
    },
    tick,
    current,
    async get(uid) {
      return (await current()).components.find((c) => c.uid === uid) ?? null;
    },
    async find(nameOrUid) {
      return matchComponent((await current()).components, nameOrUid);
    },
  };
}
