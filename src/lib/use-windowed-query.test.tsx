import { QueryClient, QueryClientProvider, keepPreviousData } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useWindowedQuery, type WindowPage } from "./use-windowed-query";

type Item = { id: string; n: number };
type Answer = WindowPage<Item> & { requested: number };

const SIZE = 10;

/** A list of `count` items behind a query function, answering windows as the server does. */
function listOf(count: number) {
  const items = Array.from({ length: count }, (_, n) => ({ id: `item-${n}`, n }));
  const asked: number[] = [];
  const answer = (filter: string, offset: number): Answer => {
    asked.push(offset);
    const matching = items.filter((i) => String(i.n).includes(filter));
    return {
      offset,
      total: matching.length,
      rows: matching.slice(offset, offset + SIZE),
      requested: offset,
    };
  };
  return { answer, asked };
}

function setup(count: number) {
  const list = listOf(count);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    ({ filter }: { filter: string }) =>
      useWindowedQuery({
        windowSize: SIZE,
        windowQuery: (w: number) => ({
          queryKey: ["items", filter, w] as const,
          queryFn: async () => list.answer(filter, w * SIZE),
          placeholderData: keepPreviousData,
        }),
        page: (a: Answer) => a,
        rowKey: (item: Item) => item.id,
      }),
    { wrapper, initialProps: { filter: "" } },
  );
  return { ...hook, list };
}

describe("useWindowedQuery", () => {
  it("fetches the first window, then places the window under the viewport by its offset", async () => {
    const { result, list } = setup(35);
    await waitFor(() => expect(result.current.rows).toHaveLength(SIZE));
    expect(result.current.total).toBe(35);
    expect(result.current.rowAt(0)?.id).toBe("item-0");
    expect(result.current.rowAt(12)).toBeUndefined();
    expect(result.current.indexOf("item-3")).toBe(3);

    // A viewport across the edge of windows 1 and 2: both are fetched, window 0 dropped.
    act(() => result.current.onVisibleRangeChange({ start: 15, end: 24 }));
    await waitFor(() => expect(result.current.rowAt(24)?.id).toBe("item-24"));
    expect(result.current.rowAt(10)?.id).toBe("item-10");
    expect(result.current.rowAt(3)).toBeUndefined();
    expect(result.current.indexOf("item-24")).toBe(24);
    expect(result.current.indexOf("item-3")).toBe(-1);
    expect(result.current.rows.map((r) => r.n)).toEqual(
      Array.from({ length: 20 }, (_, i) => 10 + i),
    );
    expect(list.asked).toEqual(expect.arrayContaining([0, 10, 20]));
  });

  it("never reports rows past the new total while a narrower query's answer arrives", async () => {
    const { result, rerender } = setup(35);
    await waitFor(() => expect(result.current.total).toBe(35));
    rerender({ filter: "3" });
    // Matching "3": 3, 13, 23, 30..34 = 8 items.
    await waitFor(() => expect(result.current.total).toBe(8));
    expect(result.current.isUpdating).toBe(false);
    expect(result.current.rows.map((r) => r.n)).toEqual([3, 13, 23, 30, 31, 32, 33, 34]);
    expect(result.current.rowAt(8)).toBeUndefined();
    expect(result.current.latest?.requested).toBe(0);
  });

  it("keeps the previous rows (isUpdating) until the new query answers", async () => {
    const { result, rerender } = setup(35);
    await waitFor(() => expect(result.current.rows).toHaveLength(SIZE));
    rerender({ filter: "2" });
    // keepPreviousData: the old rows stay on screen, flagged, rather than an empty table.
    expect(result.current.rows).toHaveLength(SIZE);
    expect(result.current.isUpdating).toBe(true);
    await waitFor(() => expect(result.current.isUpdating).toBe(false));
    expect(result.current.rows.map((r) => r.n)).toEqual([2, 12, 20, 21, 22, 23, 24, 25, 26, 27]);
    expect(result.current.total).toBe(13);
  });
});
