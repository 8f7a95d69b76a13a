import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { MAX_QUEUE_LIMIT, type AlertQueueQuery, type QueueAlert } from "@server/contract/alerts";
import { alertQueries } from "@/entities/alert/alert-queries";
import type { ResolveTarget } from "@/entities/alert/resolve-dialog";

export const toTarget = (
  a: Pick<QueueAlert, "alertUid" | "contextSummary" | "deviceName">,
): ResolveTarget => ({
  alertUid: a.alertUid,
  summary: a.contextSummary,
  device: a.deviceName,
});

/**
 * Selected alerts by uid, with what the resolve dialog lists: they stay selected when their rows
 * scroll out of the loaded windows. A new filter or sort starts a new selection.
 */
export function useAlertSelection(query: AlertQueueQuery, loadedRows: readonly QueueAlert[]) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlyMap<string, ResolveTarget>>(new Map());
  const queryKey = JSON.stringify(query);
  const [selectionFor, setSelectionFor] = useState(queryKey);
  if (selectionFor !== queryKey) {
    setSelectionFor(queryKey);
    setSelected(new Map());
  }
  // Read by `toggle` when called, so `toggle` stays one function for the table's memoised meta.
  const loaded = useRef(new Map<string, QueueAlert>());
  loaded.current = new Map(loadedRows.map((a) => [a.alertUid, a]));

  const toggle = useCallback((uid: string) => {
    setSelected((s) => {
      const next = new Map(s);
      const row = loaded.current.get(uid);
      if (next.has(uid)) next.delete(uid);
      else if (row) next.set(uid, toTarget(row));
      return next;
    });
  }, []);
  /** Every alert of the view, up to the server's limit (one read, not the loaded windows only). */
  const selectAll = async () => {
    const top = await queryClient.fetchQuery(alertQueries.queueTop(query, MAX_QUEUE_LIMIT));
    setSelected(new Map(top.alerts.map((a) => [a.alertUid, toTarget(a)])));
  };
  const clear = useCallback(() => setSelected(new Map()), []);
  const list = useMemo(() => [...selected.values()], [selected]);
  const uids = useMemo(() => new Set(selected.keys()), [selected]);
  return { selected, list, uids, toggle, selectAll, clear };
}
