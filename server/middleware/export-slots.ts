import { createSlots, type Slot } from "./slots";

/**
 * How many exports may be produced at once, per person and in all. An export walks the whole
 * fleet (50,000 devices x up to 300 UDF columns); eight viewers running three each once took the
 * server to 2.6 GB and 13 s. Streaming keeps one export cheap; this keeps many from piling up.
 */
export const EXPORT_SLOTS = { perPerson: 2, total: 4 };

export type ExportSlot = Slot;

export function createExportSlots(limits = EXPORT_SLOTS) {
  return createSlots({
    perCaller: limits.perPerson,
    total: limits.total,
    refusedMine: (mine) =>
      `You already have ${mine} exports running; wait for one to finish, then try again.`,
    refusedAll: "Several exports are running for other people; try again in a few seconds.",
  });
}

export type ExportSlots = ReturnType<typeof createExportSlots>;
