import { ISO_DATE_FRACTION_DIGITS } from "./unknowns";

/**
 * Dates on the wire (API.md §6): the fields seen live as epoch milliseconds stay numbers (device
 * lastSeen/lastReboot/lastAuditDate/creationDate, alert timestamp/resolvedOn, account users
 * created/lastAccess); every other date-time is an ISO-8601 string. Job dates are [unsure], so a
 * switch sends them as epoch ms instead, and clients are tested with both.
 */
export type JobDateFormat = "iso" | "epoch-ms";
export const JOB_DATE_FORMATS: readonly JobDateFormat[] = ["iso", "epoch-ms"];

/** "2026-11-30T14:03:11Z": UTC, with the fraction of a second unknowns.ts chose (none). */
export function isoInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2026-11-30T14:03:11.123Z
  const fraction = ISO_DATE_FRACTION_DIGITS > 0 ? iso.slice(19, 20 + ISO_DATE_FRACTION_DIGITS) : "";
  return `${iso.slice(0, 19)}${fraction}Z`;
}

export function jobDate(epochMs: number, format: JobDateFormat): string | number {
  return format === "epoch-ms" ? epochMs : isoInstant(epochMs);
}
