/**
 * The device search box's language, shared by the server's query engine and the SPA's hints.
 * Words are ANDed. A plain word matches any searchable field (hostname, user, IPs, OS, site,
 * description, UDFs); `host:`, `user:`, `ip:`, `site:`, `os:` and `udf5:` limit a word to one
 * field. Double quotes keep spaces inside one word: `site:"Acme Corp"`.
 */
export const DEVICE_SEARCH_FIELDS = {
  host: "hostname",
  user: "last user",
  ip: "internal or external IP",
  site: "site name",
  os: "operating system",
} as const;

export type DeviceSearchField = keyof typeof DEVICE_SEARCH_FIELDS | `udf${number}`;

export type DeviceSearchTerm = { field: DeviceSearchField | null; text: string };

const UDF_FIELD = /^udf([1-9]|[1-9]\d|[12]\d\d|300)$/;
// A word, an optional "field:" before it, a quoted part keeping its spaces.
const TOKEN = /(?:([A-Za-z][A-Za-z0-9]*):)?(?:"([^"]*)"?|(\S+))/g;

function fieldOf(name: string | undefined): DeviceSearchField | null {
  if (name === undefined) return null;
  const lower = name.toLowerCase();
  if (lower in DEVICE_SEARCH_FIELDS || UDF_FIELD.test(lower)) return lower as DeviceSearchField;
  return null;
}

/**
 * Splits search text into lower-cased terms. An unknown prefix ("http:", a MAC's "00:") is part of
 * the word, not a field; an empty term ("host:" alone) is dropped.
 */
export function parseDeviceSearch(q: string | undefined): DeviceSearchTerm[] {
  const terms: DeviceSearchTerm[] = [];
  for (const match of (q ?? "").matchAll(TOKEN)) {
    const [, prefix, quoted, bare] = match;
    const word = quoted ?? bare ?? "";
    // "host:" with nothing after it: a field still being typed, not a word to look for.
    if (prefix === undefined && word.endsWith(":") && fieldOf(word.slice(0, -1))) continue;
    const field = fieldOf(prefix);
    const text = (field === null && prefix !== undefined ? `${prefix}:${word}` : word)
      .trim()
      .toLowerCase();
    if (text !== "") terms.push({ field, text });
  }
  return terms;
}
