import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { DeviceListResponse, DeviceQuery, DeviceRow } from "@server/contract/devices";
import type { VisibleRange } from "@/components/data-table/virtual-table-body";
import { DEVICE_WINDOW_SIZE, deviceQueries } from "./device-queries";

export type DeviceWindows = {
  /** Rows matching the query on the server (0 until the first answer). */
  total: number;
  rowAt: (index: number) => DeviceRow | undefined;
  /** Loaded rows, each once: the table's data. */
  rows: DeviceRow[];
  indexOf: (uid: string) => number;
  latest: DeviceListResponse | undefined;
  isLoading: boolean;
  /** Rows on screen are from the previous query while the new one loads. */
  isUpdating: boolean;
  error: unknown;
  refetch: () => void;
  onVisibleRangeChange: (range: VisibleRange) => void;
};

function sameWindows(a: [number, number], b: [number, number]) {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Windowed fetching: the table spans every matching row, but only the (at most two) windows of
 * DEVICE_WINDOW_SIZE rows under the viewport are fetched. Rows are placed by the answer's offset,
 * so a placeholder answer from an earlier window or query never lands in the wrong place.
 */
export function useDeviceWindows(query: DeviceQuery): DeviceWindows {
  const [windows, setWindows] = useState<[number, number]>([0, 0]);
  const onVisibleRangeChange = useCallback((range: VisibleRange) => {
    const next: [number, number] = [
      Math.floor(range.start / DEVICE_WINDOW_SIZE),
      Math.floor(Math.max(range.start, range.end) / DEVICE_WINDOW_SIZE),
    ];
    setWindows((current) => (sameWindows(current, next) ? current : next));
  }, []);

  const first = useQuery(deviceQueries.window(query, windows[0]));
  const second = useQuery(deviceQueries.window(query, windows[1]));

  const fresh = !first.isPlaceholderData
    ? first.data
    : !second.isPlaceholderData
      ? second.data
      : undefined;
  const latest = fresh ?? first.data ?? second.data;
  const total = latest?.total ?? 0;

  const { byIndex, byUid, rows } = useMemo(() => {
    const byIndex = new Map<number, DeviceRow>();
    const byUid = new Map<string, number>();
    for (const page of [first.data, second.data]) {
      if (!page) continue;
      page.rows.forEach((row, i) => {
        const index = page.offset + i;
        if (byIndex.has(index) || byUid.has(row.uid)) return;
        byIndex.set(index, row);
        byUid.set(row.uid, index);
      });
    }
    return { byIndex, byUid, rows: [...byIndex.values()] };
  }, [first.data, second.data]);

  const rowAt = useCallback(
    (index: number) => (index < total ? byIndex.get(index) : undefined),
    [byIndex, total],
  );
  const indexOf = useCallback((uid: string) => byUid.get(uid) ?? -1, [byUid]);
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
    indexOf,
    latest,
    isLoading: first.isPending,
    isUpdating: first.isPlaceholderData || first.isFetching,
    error: first.error ?? second.error,
    refetch,
    onVisibleRangeChange,
  };
}
