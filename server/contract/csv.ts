/**
 * Text a spreadsheet would run as a formula: = + - @ (and their full-width forms, which Excel
 * also accepts), or a tab/CR/LF, possibly after leading spaces (\s covers U+00A0 too).
 */
const FORMULA_START = /^\s*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell, shared by the server's export and the SPA's "Export selected". Every cell is
 * quoted, because in locales whose list separator is ";" an unquoted `x;=cmd` splits into a new
 * cell that starts with a formula. Formula-looking text gets a leading apostrophe (OWASP CSV
 * injection): hostnames, descriptions and UDFs come from endpoints.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
