/**
 * Pages done of pages total across the lists of one walk. A list not yet started counts with an
 * estimate (from the site's device count) until its first page says how many pages it has.
 */
export function createSyncProgress(onChange: (done: number, total: number | null) => void) {
  const lists = new Map<string, { done: number; total: number | null }>();
  const emit = () => {
    let done = 0;
    let total = 0;
    let known = true;
    for (const list of lists.values()) {
      done += list.done;
      if (list.total === null) known = false;
      else total += Math.max(list.total, list.done);
    }
    onChange(done, known ? total : null);
  };
  return {
    expect(key: string, pages: number | null) {
      if (!lists.has(key)) lists.set(key, { done: 0, total: pages });
      emit();
    },
    update(key: string, progress: { pagesDone: number; pagesTotal: number | null }) {
      const current = lists.get(key);
      lists.set(key, {
        done: progress.pagesDone,
        total: progress.pagesTotal ?? current?.total ?? null,
      });
      emit();
    },
    /** A list answered (perhaps from cache, without page callbacks): all its pages are done. */
    finish(key: string) {
      const current = lists.get(key);
      const pages = Math.max(current?.done ?? 0, current?.total ?? 1, 1);
      lists.set(key, { done: pages, total: pages });
      emit();
    },
  };
}
