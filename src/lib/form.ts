import type { z } from "zod";

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

/** Validates form values with a contract schema: the parsed data, or the first message per field. */
export function validateForm<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors<z.input<S>> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { data: null, errors: errors as FieldErrors<z.input<S>> };
}
