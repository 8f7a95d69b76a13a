import type { Context } from "hono";
import type { ZodType } from "zod";

/** Parses a JSON body; null when it is not JSON or does not fit (Datto: "Failed to read request"). */
export async function readBody<T>(c: Context, schema: ZodType<T>): Promise<T | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
