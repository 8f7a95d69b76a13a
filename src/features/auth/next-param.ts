import { z } from "zod";

/**
 * Where to go after signing in. Only a path on this site: "//evil.example" or "https://..."
 * would turn the login page into an open redirect. Browsers drop tabs and newlines from URLs and
 * read "\" as "/", so "/\t/evil.example" is "//evil.example": no whitespace, controls or "\".
 * (A path from loginPath() is percent-encoded and never contains them.)
 */
const NextPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s\\\p{Cc}]*$/u)
  .refine((path) => !path.startsWith("/login"));

export function safeNextPath(value: string | null): string {
  const parsed = NextPathSchema.safeParse(value);
  return parsed.success ? parsed.data : "/";
}
