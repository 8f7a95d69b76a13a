/**
 * Dates on the wire (API.md §6): the fields seen live as epoch milliseconds stay numbers (device
 * lastSeen/lastReboot/lastAuditDate/creationDate, alert timestamp/resolvedOn, account users
 * created/lastAccess); every other date-time is an ISO-8601 string. Job dates are [unsure], so a
 * switch sends them as epoch ms instead, and clients are tested with both.
 */
export type JobDateFormat = "iso" | "epoch-ms";
export const JOB_DATE_FORMATS: readonly JobDateFormat[] = ["iso", "epoch-ms"];

/** "2026-11-30T14:03:11Z": UTC, whole seconds, as API.md writes it. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function jobDate(epochMs: number, format: JobDateFormat): string | number {
  return format === "epoch-ms" ? epochMs : isoInstant(epochMs);
}
