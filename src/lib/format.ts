/** Display formatting shared by every screen. Pure functions: callers pass `now`. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "in 2 min"; older than 30 days falls back to the date. */
export function formatRelativeTime(epochMs: number | null | undefined, now: number): string {
  if (epochMs === null || epochMs === undefined) return "never";
  const diff = now - epochMs;
  const abs = Math.abs(diff);
  if (abs < 10 * SECOND) return "just now";
  const phrase = (n: number, unit: string) => (diff >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`);
  if (abs < MINUTE) return phrase(Math.floor(abs / SECOND), "s");
  if (abs < HOUR) return phrase(Math.floor(abs / MINUTE), "min");
  if (abs < DAY) return phrase(Math.floor(abs / HOUR), "h");
  if (abs < 30 * DAY) return phrase(Math.floor(abs / DAY), "d");
  return formatDate(epochMs);
}

export type AgeTone = "fresh" | "aging" | "stale" | "unknown";

export type AgeThresholds = { agingAfterMs: number; staleAfterMs: number };

/** How worrying an age is: defaults suit "last seen" (aging after 1 h, stale after 1 day). */
export function ageTone(
  epochMs: number | null | undefined,
  now: number,
  thresholds: AgeThresholds = { agingAfterMs: HOUR, staleAfterMs: DAY },
): AgeTone {
  if (epochMs === null || epochMs === undefined) return "unknown";
  const age = now - epochMs;
  if (age >= thresholds.staleAfterMs) return "stale";
  if (age >= thresholds.agingAfterMs) return "aging";
  return "fresh";
}

/** Text colour for an AgeTone, for both themes. */
export function ageToneClass(tone: AgeTone): string {
  switch (tone) {
    case "fresh":
      return "text-emerald-700 dark:text-emerald-400";
    case "aging":
      return "text-amber-700 dark:text-amber-400";
    case "stale":
      return "text-red-700 dark:text-red-400";
    case "unknown":
      return "text-slate-500 dark:text-slate-400";
  }
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** Binary multiples (1 KB = 1024 B), as Windows shows disk and memory sizes. */
export function formatBytes(bytes: number | null | undefined, digits = 1): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(digits).replace(/\.0+$/, "");
  return `${shown} ${BYTE_UNITS[unit]}`;
}

export function formatDateTime(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined) return "—";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    epochMs,
  );
}

export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(epochMs);
}

/** 24-hour HH:MM in the viewer's time zone, e.g. "blocked until 14:05". */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(epochMs);
}

/** A rough duration for estimates: "a few seconds", "about 40 s", "about 4 min", "about 2 h 10 min". */
export function formatDuration(ms: number): string {
  if (ms < 10 * SECOND) return "a few seconds";
  if (ms < 57.5 * SECOND) return `about ${Math.round(ms / (5 * SECOND)) * 5} s`;
  if (ms < MINUTE * 1.5) return "about a minute";
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest > 0 ? ` ${rest} min` : ""}`;
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/**
 * A server's message with its timestamps in the viewer's time: "last failure at
 * 2026-11-30T14:03:11.000Z" reads "last failure at 15:03:11" (with the date when it is not
 * today). The server cannot know the viewer's time zone, so it writes ISO and we translate.
 */
export function withLocalTimes(text: string, now: number): string {
  const today = new Date(now).toDateString();
  return text.replace(ISO_TIME, (iso) => {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return iso;
    return new Date(at).toDateString() === today ? formatTime(at) : formatDateTime(at);
  });
}
