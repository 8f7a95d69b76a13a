/**
 * How many exports may be produced at once, per person and in all. An export walks the whole
 * fleet (50,000 devices x up to 300 UDF columns); eight viewers running three each once took the
 * server to 2.6 GB and 13 s. Streaming keeps one export cheap; this keeps many from piling up.
 */
export const EXPORT_SLOTS = { perPerson: 2, total: 4 };

export type ExportSlot = { release(): void };

export function createExportSlots(limits = EXPORT_SLOTS) {
  const byPerson = new Map<string, number>();
  let total = 0;
  return {
    /** A slot, or the reason there is none (a sentence for the person). */
    take(personKey: string): ExportSlot | { refused: string } {
      const mine = byPerson.get(personKey) ?? 0;
      if (mine >= limits.perPerson) {
        return {
          refused: `You already have ${mine} exports running; wait for one to finish, then try again.`,
        };
      }
      if (total >= limits.total) {
        return {
          refused: "Several exports are running for other people; try again in a few seconds.",
        };
      }
      byPerson.set(personKey, mine + 1);
      total += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          total -= 1;
          const left = (byPerson.get(personKey) ?? 1) - 1;
          if (left > 0) byPerson.set(personKey, left);
          else byPerson.delete(personKey);
        },
      };
    },
    inUse: () => total,
  };
}

export type ExportSlots = ReturnType<typeof createExportSlots>;
