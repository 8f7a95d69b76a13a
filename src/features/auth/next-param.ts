import { z } from "zod";

/**
 * Where to go after signing in. Only a path on this site: "//evil.example" or "https://..."
 * would turn the login page into an open redirect.
 */
const NextPathSchema = z
  .string()
  .regex(/^\/(?![/\\])/)
  .refine((path) => !path.startsWith("/login"));

export function safeNextPath(value: string | null): string {
  const parsed = NextPathSchema.safeParse(value);
  return parsed.success ? parsed.data : "/";
}
