import type { FuzzRng } from "./fuzz-rng";

/**
 * Pieces of text that have broken parsers, databases, spreadsheets and terminals somewhere:
 * controls, NUL, bidi overrides, invisible characters, astral and combining characters, path
 * traversal (plain and encoded), SQL and HTML, formulas, template syntax, prototype keys,
 * numbers in odd spellings, our own search prefixes.
 */
const PIECES: readonly string[] = [
  "a",
  "Z9",
  "chrome",
  "office",
  " ",
  "  ",
  "\t",
  "\r\n",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u200b",
  "\ufeff",
  "\u2028",
  "Ünïcödé",
  "e\u0301",
  "日本語",
  "🔥",
  "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}",
  "../../etc/passwd",
  "..%2F..%2F",
  "..\\..\\windows",
  "%00",
  "%",
  "%25",
  "%E0%A4%A",
  "+",
  "&",
  "=",
  "#",
  "?",
  "/",
  ";",
  ",",
  ":",
  '"',
  "'",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "@SUM(1)",
  "${7*7}",
  "{{7*7}}",
  "%s%n",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "NaN",
  "Infinity",
  "-1",
  "1e400",
  "0x1F",
  "１２",
  "null",
  "true",
  "host:",
  "udf7:",
  'site:"',
];

/** One to four pieces. Lone surrogates only where a URL will not carry them (JSON bodies). */
export function hostileText(f: FuzzRng, options: { loneSurrogates?: boolean } = {}): string {
  let text = "";
  for (let i = f.int(1, 4); i > 0; i--) text += f.pick(PIECES);
  if (options.loneSurrogates && f.chance(0.1)) text += f.pick(["\ud800", "\udfff"]);
  return text;
}

/** Exactly `length` UTF-16 units of hostile text (no pair cut in half, so it stays URL-safe). */
export function textOfLength(f: FuzzRng, length: number): string {
  let text = "";
  while (text.length < length) text += hostileText(f);
  text = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(text) ? `${text.slice(0, -1)}x` : text;
}

/** A length near a limit: just under, at, just over, or far over it. */
export function lengthNear(f: FuzzRng, limit: number): number {
  return Math.max(0, f.pick([limit - 1, limit, limit + 1, limit * 3 + 7]));
}
