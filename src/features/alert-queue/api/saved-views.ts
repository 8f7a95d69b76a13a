import { AlertQueueQuerySchema, type AlertQueueQuery } from "@server/contract/alerts";
import { z } from "zod";
import { GROUPS, type Group } from "../use-alert-url-state";

/**
 * Saved queue views, kept in this browser (localStorage): a name, the filters and the grouping.
 * A view saved by an older version that no longer parses is dropped, never breaks the list.
 */
export type AlertView = { id: string; name: string; query: AlertQueueQuery; group: Group | null };

const KEY = "rmmdeck.alerts.views";
const StoredSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string().max(100),
    params: z.record(z.string(), z.string()),
    group: z.enum(GROUPS).nullable(),
  }),
);

export function loadViews(): AlertView[] {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(window.localStorage.getItem(KEY) ?? "[]"));
    if (!parsed.success) return [];
    return parsed.data.flatMap((v) => {
      const query = AlertQueueQuerySchema.safeParse(v.params);
      return query.success ? [{ id: v.id, name: v.name, query: query.data, group: v.group }] : [];
    });
  } catch {
    return [];
  }
}

export function storeViews(
  views: readonly AlertView[],
  toParams: (q: AlertQueueQuery) => Record<string, string>,
) {
  try {
    const stored = views.map((v) => ({
      id: v.id,
      name: v.name,
      params: toParams(v.query),
      group: v.group,
    }));
    window.localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {
    // Storage unavailable: the view lasts for this page only.
  }
}
