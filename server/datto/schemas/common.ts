import { z } from "zod";

/**
 * Building blocks for tolerant Datto schemas: almost any field can be null on a real tenant
 * (API.md §6), numbers sometimes travel as strings, and unknown keys are kept (looseObject).
 */
export const nullableString = z.string().nullish();
export const nullableBoolean = z.boolean().nullish();

/** A number, or a numeric string; anything unreadable becomes null rather than failing the object. */
export const flexibleNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (value == null || value === "") return null;
    const n = typeof value === "number" ? value : Number(value);
    return Number.isFinite(n) ? n : null;
  });

/**
 * Datto timestamps are epoch ms numbers on the wire although the spec says ISO strings (API.md §6);
 * both are accepted and normalised to epoch ms. Unreadable values become null.
 */
export const DattoTimestampSchema = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (value == null || value === "") return null;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (/^-?\d+$/.test(value.trim())) return Number(value.trim());
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  });

export const PageDetailsSchema = z.looseObject({
  count: flexibleNumber,
  totalCount: flexibleNumber,
  prevPageUrl: nullableString,
  nextPageUrl: nullableString,
});
export type PageDetails = z.infer<typeof PageDetailsSchema>;

export const DevicesStatusSchema = z.looseObject({
  numberOfDevices: flexibleNumber,
  numberOfOnlineDevices: flexibleNumber,
  numberOfOfflineDevices: flexibleNumber,
});

/** Objects keep every key Datto sends; a nested object may also be missing or null. */
export const anyRecord = z.record(z.string(), z.unknown());

/** Datto write endpoints that answer with an empty body (e.g. alert resolve, API.md §5). */
export const EmptyBodySchema = z.unknown();
