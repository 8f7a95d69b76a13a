import { withoutBidiControls } from "./bidi";

/**
 * Text a spreadsheet would run as a formula: = + - @ (and their full-width forms, which Excel
 * also accepts), possibly after leading spaces (\s covers U+00A0 too) or invisible characters
 * (zero-width space, BOM, joiners: \p{Cf}); and any text that starts with a control character
 * (tab, CR, LF, NUL...: \p{Cc}), which some spreadsheets drop before reading the rest.
 */
const FORMULA_START = /^(?:[\s\p{Cf}\p{Cc}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|\p{Cc})/u;

/**
 * One cell of the server's CSV exports (devices, software matches). Every cell is quoted,
 * because in locales whose list separator is ";" an unquoted `x;=cmd` splits into a new cell that
 * starts with a formula. Formula-looking text gets a leading apostrophe (OWASP CSV
 * injection): hostnames, descriptions and UDFs come from endpoints, and lose their bidirectional
 * controls as they do on screen (bidi.ts).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  const text = withoutBidiControls(String(value));
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
