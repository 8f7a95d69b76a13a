import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";

/** The rows under the viewport, as the virtualized table body reports them. */
export type RowRange = { start: number; end: number };

/** One answer of a windowed list: where its rows start, how many match, and the rows. */
export type WindowPage<Row> = { offset: number; total: number; rows: readonly Row[] };

export type WindowedQuery<Page, Row> = {
  /** Rows matching the query on the server (0 until the first answer). */
  total: number;
  rowAt: (index: number) => Row | undefined;
  /** Loaded rows, each once: the table's data. */
  rows: Row[];
  /** Where a loaded row sits in the whole list, -1 when it is not loaded. */
  indexOf: (key: string) => number;
  /** The latest answer (a fresh one first): counts, filters' choices, freshness. */
  latest: Page | undefined;
  isLoading: boolean;
  /** Rows on screen are from the previous query while the new one loads. */
  isUpdating: boolean;
  error: unknown;
  refetch: () => void;
  onVisibleRangeChange: (range: RowRange) => void;
};

export type WindowedQueryOptions<Page, Row, Key extends QueryKey> = {
  windowSize: number;
  /** The query options of window n (rows n*windowSize ...); its key must hold the query. */
  windowQuery: (windowIndex: number) => UseQueryOptions<Page, Error, Page, Key>;
  /** The answer as offset, total and rows. */
  page: (answer: Page) => WindowPage<Row>;
  /** A row's identity: a row already placed (e.g. shifted across a window edge) is kept once. */
  rowKey: (row: Row) => string;
};

const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

/**
 * A long list in windows: the table spans every matching row, but only the (at most two) windows
 * under the viewport are fetched. Rows are placed by each answer's offset, so a placeholder answer
 * from an earlier window or query never lands in the wrong place. Answers stay in the query
 * cache: coming back (Back, or away and back) shows the rows at once. Used by the device table
 * and the alert queue.
 */
export function useWindowedQuery<Page, Row, Key extends QueryKey>(
  options: WindowedQueryOptions<Page, Row, Key>,
): WindowedQuery<Page, Row> {
  const { windowSize, windowQuery, page, rowKey } = options;
  const [windows, setWindows] = useState<[number, number]>([0, 0]);
  const onVisibleRangeChange = useCallback(
    (range: RowRange) => {
      const next: [number, number] = [
        Math.floor(range.start / windowSize),
        Math.floor(Math.max(range.start, range.end) / windowSize),
      ];
      setWindows((current) => (same(current, next) ? current : next));
    },
    [windowSize],
  );

  const first = useQuery(windowQuery(windows[0]));
  const second = useQuery(windowQuery(windows[1]));
  const fresh = !first.isPlaceholderData
    ? first.data
    : !second.isPlaceholderData
      ? second.data
      : undefined;
  const latest = fresh ?? first.data ?? second.data;
  const total = latest === undefined ? 0 : page(latest).total;

  // `page` and `rowKey` are pure projections; the answers alone decide the rows.
  const { byIndex, byKey, rows } = useMemo(() => {
    const byIndex = new Map<number, Row>();
    const byKey = new Map<string, number>();
    for (const answer of [first.data, second.data]) {
      if (answer === undefined) continue;
      const { offset, rows: pageRows } = page(answer);
      pageRows.forEach((row, i) => {
        const index = offset + i;
        const key = rowKey(row);
        if (byIndex.has(index) || byKey.has(key)) return;
        byIndex.set(index, row);
        byKey.set(key, index);
      });
    }
    return { byIndex, byKey, rows: [...byIndex.values()] };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first.data, second.data]);

  const rowAt = useCallback(
    (index: number) => (index < total ? byIndex.get(index) : undefined),
    [byIndex, total],
  );
  const indexOf = useCallback((key: string) => byKey.get(key) ?? -1, [byKey]);
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
