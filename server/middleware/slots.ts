/** A held slot: release it exactly once, when the work (a download, a stream) ends. */
export type Slot = { release(): void };

export type SlotLimits = {
  perCaller: number;
  total: number;
  /** What a caller at their own limit is told (they hold `mine` already). */
  refusedMine: (mine: number) => string;
  /** What a caller is told when everyone's slots are taken. */
  refusedAll: string;
};

/** Long-running answers held at once, per caller and in all (exports, live streams). */
export function createSlots(limits: SlotLimits) {
  const byCaller = new Map<string, number>();
  let total = 0;
  return {
    /** A slot, or the reason there is none (a sentence for the person). */
    take(callerKey: string): Slot | { refused: string } {
      const mine = byCaller.get(callerKey) ?? 0;
      if (mine >= limits.perCaller) return { refused: limits.refusedMine(mine) };
      if (total >= limits.total) return { refused: limits.refusedAll };
      byCaller.set(callerKey, mine + 1);
      total += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          total -= 1;
          const left = (byCaller.get(callerKey) ?? 1) - 1;
          if (left > 0) byCaller.set(callerKey, left);
          else byCaller.delete(callerKey);
        },
      };
    },
    inUse: () => total,
  };
}

export type Slots = ReturnType<typeof createSlots>;
