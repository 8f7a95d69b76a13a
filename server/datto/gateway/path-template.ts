/**
 * "/v2/device/6f1c.../audit" -> "/v2/device/{id}/audit": what errors and logs name instead of
 * concrete paths, so messages stay short and comparable.
 */
const STATIC_SEGMENTS = new Set([
  "v2",
  "account",
  "sites",
  "site",
  "devices",
  "device",
  "audit",
  "software",
  "esxihost",
  "printer",
  "network-interface",
  "alerts",
  "open",
  "resolved",
  "alert",
  "resolve",
  "mute",
  "unmute",
  "components",
  "quickjob",
  "job",
  "results",
  "stdout",
  "stderr",
  "filter",
  "default-filters",
  "custom-filters",
  "filters",
  "activity-logs",
  "system",
  "status",
  "request_rate",
  "pagination",
  "users",
  "variables",
  "udf",
  "move",
]);

export function pathTemplate(path: string): string {
  return path
    .split("?")[0]!
    .split("/")
    .map((segment) => (segment === "" || STATIC_SEGMENTS.has(segment) ? segment : "{id}"))
    .join("/");
}

/** Safe, short, plain text from an upstream error body, or undefined. */
export function safeUpstreamMessage(body: unknown, secrets: string[]): string | undefined {
  let text: unknown = body;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    text = record.message ?? record.error_description ?? record.error ?? record.errors;
    if (Array.isArray(text)) text = text.filter((t) => typeof t === "string").join("; ");
  }
  if (typeof text !== "string") return undefined;
  const clean = text
    .replace(/[^\x20-\x7E]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean === "" || clean.startsWith("<")) return undefined;
  if (secrets.some((s) => s.length >= 4 && clean.includes(s))) return undefined;
  return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean;
}
