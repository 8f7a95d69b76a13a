import { z } from "zod";
import { optionalParam } from "./query-params";

/**
 * Components: the scripts a quick job runs (API.md §6, §7), as GET /api/components serves them.
 * Only input variables are listed (output variables are the script's own business).
 */
export const COMPONENT_VARIABLE_TYPES = [
  "string",
  "number",
  "boolean",
  "date",
  "selection",
] as const;

export const ComponentVariableSchema = z.object({
  name: z.string(),
  /** string | number | boolean | date | selection, or whatever new type Datto sends (read as text). */
  type: z.string(),
  /** The declared default, as text; null when the component has none. */
  defaultValue: z.string().nullable(),
  description: z.string().nullable(),
  /** No default and not a boolean: the launcher must be given a value. */
  required: z.boolean(),
});
export type ComponentVariable = z.infer<typeof ComponentVariableSchema>;

export const ComponentSchema = z.object({
  uid: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  credentialsRequired: z.boolean(),
  variables: z.array(ComponentVariableSchema),
});
export type Component = z.infer<typeof ComponentSchema>;

/** GET /api/components */
export const ComponentListResponseSchema = z.object({
  components: z.array(ComponentSchema),
  /** The caller's favourites (uids) and recently used components (uids, most recent first). */
  favourites: z.array(z.string()),
  recent: z.array(z.string()),
  /** When the catalog left Datto (epoch ms); null when it has never been read. */
  fetchedAt: z.number().nullable(),
  /** True when Datto could not be read and an older catalog is served. */
  stale: z.boolean(),
});
export type ComponentListResponse = z.infer<typeof ComponentListResponseSchema>;

export const ComponentListQuerySchema = z.object({
  /** Words that must all appear in the name, category or description (case-insensitive). */
  q: optionalParam(z.string().trim().max(200, "q can have at most 200 characters.")),
  category: optionalParam(z.string().trim().max(100, "category can have at most 100 characters.")),
});

/** PUT /api/components/:uid/favourite */
export const FavouriteBodySchema = z.object({
  favourite: z.boolean({ error: "favourite must be true or false." }),
});

/** A component uid in a path segment. */
export const ComponentUidParamSchema = z.object({
  uid: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "That is not a component uid."),
});

const NUMBER = /^-?\d{1,15}(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * A variable's value as the text Datto receives, or what it should have been: the launcher's form
 * and the server check the same rule (Datto wants strings convertible to the type, API.md §7).
 */
export function checkVariableValue(
  variable: Pick<ComponentVariable, "type">,
  value: string | number | boolean,
): { ok: true; text: string } | { ok: false; expected: string } {
  const text = typeof value === "string" ? value.trim() : String(value);
  switch (variable.type) {
    case "number":
      return typeof value !== "boolean" && NUMBER.test(text)
        ? { ok: true, text }
        : { ok: false, expected: "a number (e.g. 30)" };
    case "boolean":
      return /^(true|false)$/i.test(text)
        ? { ok: true, text: text.toLowerCase() }
        : { ok: false, expected: "true or false" };
    case "date":
      return typeof value === "string" && isValidDate(text)
        ? { ok: true, text }
        : { ok: false, expected: "a date as yyyy-mm-dd" };
    default:
      // string, selection and types Datto may add: text, sent as given.
      return { ok: true, text: typeof value === "string" ? value : text };
  }
}
