import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import type { ExecutionKind } from "../store/port/executor-repo";
import type { Store } from "../store/port/store";
import { EXECUTOR_LEASE } from "./executor-lease";

/** A row recovery may settle: a job run or a proposal, and when its execution began. */
export type Subject = { id: string; since: number };

/** Of these rows left mid-execution, the ids whose executor is gone: recovery settles those. */
export type Settleable = (kind: ExecutionKind, subjects: readonly Subject[]) => Promise<Set<string>>;

/**
 * Which rows caught mid-execution belong to no live executor (decision 0030). Alone (one process
 * holding the data folder) every row not this process's is a previous run's: settled, as before
 * several instances existed. With several instances a row is settled only when its executor's
 * lease lapsed; a row no executor has claimed yet (a run stored a moment before its dispatch
 * starts) only once it is older than a lease.
 */
export function settleableRows(deps: {
  store: Store;
  clock: Clock;
  executorId: string;
  alone: boolean;
}): Settleable {
  const { store, clock, executorId, alone } = deps;
  return async (kind, subjects) => {
    const out = new Set<string>();
    if (subjects.length === 0) return out;
    const executors = await store.executors.executorsOf(
      kind,
      subjects.map((s) => s.id),
    );
    const others = [...new Set(executors.values())].filter(
      (e): e is string => e !== null && e !== executorId,
    );
    const now = clock.now();
    const live = alone ? new Set<string>() : await store.executors.live(others, now);
    for (const { id, since } of subjects) {
      if (!executors.has(id)) continue;
      const executor = executors.get(id) ?? null;
      if (executor === executorId) continue;
      if (executor === null) {
        if (alone || since <= now - EXECUTOR_LEASE.ttlMs) out.add(id);
      } else if (!live.has(executor)) out.add(id);
    }
    return out;
  };
}

/** How often the leader looks for rows of executors that died. */
export const RECOVER_EVERY_MS = 10_000;

/**
 * Start-up recovery (every instance, before serving) and, with several instances, the leader's
 * periodic one: a dead instance's job targets and proposals are settled truthfully (outcome
 * unknown when caught mid-send, not sent when never sent); nothing is resent.
 */
export function createExecutionRecovery(deps: {
  settleable: Settleable;
  parts: Array<{ recover(settleable: Settleable): Promise<unknown> }>;
  logger: Logger;
  everyMs?: number;
}) {
  const { settleable, parts, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const runOnce = () =>
    (running ??= (async () => {
      for (const part of parts) await part.recover(settleable);
    })()
      .catch((error: unknown) => logger.warn("recovery round failed", { error: String(error) }))
      .finally(() => {
        running = null;
      }));
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), deps.everyMs ?? RECOVER_EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
