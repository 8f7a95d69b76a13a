/**
 * One-line JSON logs. The logger is told the secret values at start-up and masks them wherever they
 * appear, as a last line of defence: code should never log them in the first place.
 */
import { secretForms } from "./secret-forms";

export type LogLevel = "debug" | "info" | "warn" | "error";
const LEVELS: LogLevel[] = ["debug", "info", "warn", "error"];

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: string[];
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const minimum = LEVELS.indexOf(options.level ?? "info");
  // Every encoded form of every secret (secret-forms.ts), longest first.
  const secrets = [
    ...new Set((options.secrets ?? []).filter((s) => s.length >= 4).flatMap(secretForms)),
  ].sort((a, b) => b.length - a.length);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const mask = (text: string) => secrets.reduce((t, s) => t.split(s).join("[redacted]"), text);

  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < minimum) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    write(mask(line));
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
  };
}

/** For tests: collects lines instead of printing them. */
export function createMemoryLogger(secrets: string[] = []): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({ level: "debug", secrets, write: (l) => lines.push(l) }), {
    lines,
  });
}
