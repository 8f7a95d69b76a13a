/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) let text
 * from an endpoint reorder what is shown around it: "exe.txt" that reads as "txt.exe", a hostname
 * that swaps its neighbour's columns. React already renders endpoint text escaped; this also drops
 * these characters. Use it everywhere endpoint text is shown (hostnames, users, diagnostics,
 * software names, audit values).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function endpointText(value: string): string;
export function endpointText(value: string | null | undefined): string | null;
export function endpointText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(BIDI_CONTROLS, "");
}
