import type { Logger } from "../lib/logger";
import type { Proposals } from "./proposals";

/**
 * The proposals' background work: expire what is due and run approved proposals that waited
 * (out a pause of writes, or a restart between approval and execution). Proposals left executing
 * by a stopped instance are settled by the execution recovery (server/coord/execution-recovery.ts).
 * An explicit start/stop/tick object so that, with several instances, only the leader runs it.
 */
export function createProposalWorker(deps: {
  proposals: Proposals;
  logger: Logger;
  intervalMs?: number;
}) {
  const intervalMs = deps.intervalMs ?? 15_000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;

  const tick = async () => {
    if (running) return running;
    running = deps.proposals
      .tick()
      .catch((error: unknown) =>
        deps.logger.error("proposal worker tick failed", { error: String(error) }),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    async start() {
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    tick,
  };
}

export type ProposalWorker = ReturnType<typeof createProposalWorker>;
