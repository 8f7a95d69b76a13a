import { withoutBidiControls } from "@server/contract/bidi";

/**
 * Endpoint text as the SPA shows it: without bidirectional controls (server/contract/bidi.ts).
 * React already renders endpoint text escaped; this also keeps it from reordering what is around
 * it. Use it everywhere endpoint text is shown (hostnames, users, diagnostics, software names,
 * audit values).
 */
export function endpointText(value: string): string;
export function endpointText(value: string | null | undefined): string | null;
export function endpointText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return withoutBidiControls(value);
}
