import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { AlertQueueQuery, AlertQueueResponse, QueueAlert } from "@server/contract/alerts";
import type { VisibleRange } from "@/components/data-table/virtual-table-body";
import { alertQueries, QUEUE_WINDOW_SIZE } from "./alert-queries";

export type AlertWindows = {
  /** Alerts matching the query on the server (0 until the first answer). */
  total: number;
  rowAt: (index: number) => QueueAlert | undefined;
  /** Loaded rows, each once: the table's data. */
  rows: QueueAlert[];
  /** The latest answer: counts, groups, filters' choices, freshness, last look. */
  latest: AlertQueueResponse | undefined;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
  onVisibleRangeChange: (range: VisibleRange) => void;
};

const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

/**
 * The queue in windows, as the device table does it (src/entities/device/use-device-windows.ts):
 * the table spans every matching alert, but only the (at most two) windows of QUEUE_WINDOW_SIZE
 * rows under the viewport are fetched. Rows are placed by each answer's offset, so a placeholder
 * answer from an earlier window or query never lands in the wrong place. Answers stay in the
 * query cache: coming back (Back, or away and back) shows the rows at once.
 */
export function useAlertWindows(query: AlertQueueQuery): AlertWindows {
  const [windows, setWindows] = useState<[number, number]>([0, 0]);
  const onVisibleRangeChange = useCallback((range: VisibleRange) => {
    const next: [number, number] = [
      Math.floor(range.start / QUEUE_WINDOW_SIZE),
      Math.floor(Math.max(range.start, range.end) / QUEUE_WINDOW_SIZE),
    ];
    setWindows((current) => (same(current, next) ? current : next));
  }, []);

  const first = useQuery(alertQueries.queueWindow(query, windows[0]));
  const second = useQuery(alertQueries.queueWindow(query, windows[1]));
  const fresh = !first.isPlaceholderData
    ? first.data
    : !second.isPlaceholderData
      ? second.data
      : undefined;
  const latest = fresh ?? first.data ?? second.data;
  const total = latest?.total ?? 0;

  const { byIndex, rows } = useMemo(() => {
    const byIndex = new Map<number, QueueAlert>();
    const seen = new Set<string>();
    for (const page of [first.data, second.data]) {
      if (!page) continue;
      page.alerts.forEach((alert, i) => {
        const index = page.offset + i;
        if (byIndex.has(index) || seen.has(alert.alertUid)) return;
        byIndex.set(index, alert);
        seen.add(alert.alertUid);
      });
    }
    return { byIndex, rows: [...byIndex.values()] };
  }, [first.data, second.data]);

  const rowAt = useCallback(
    (index: number) => (index < total ? byIndex.get(index) : undefined),
    [byIndex, total],
  );
  const { refetch: refetchFirst } = first;
  const { refetch: refetchSecond } = second;
  const refetch = useCallback(() => {
    void refetchFirst();
    void refetchSecond();
  }, [refetchFirst, refetchSecond]);

  return {
    total,
    rowAt,
    rows,
    latest,
    isLoading: first.isPending,
    error: first.error ?? second.error,
    refetch,
    onVisibleRangeChange,
  };
}
