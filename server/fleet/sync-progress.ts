/** How far one walk has come: Datto's pages, and the devices a technician counts in. */
export type WalkProgress = {
  pagesDone: number;
  pagesTotal: number | null;
  devicesDone: number;
  devicesTotal: number | null;
};

type List = {
  done: number;
  total: number | null;
  items: number;
  /** Counts its items as devices, less those an earlier list has counted already. */
  devices: { overlap: number } | null;
};

/**
 * Pages done of pages total across the lists of one walk, and devices read of the devices the
 * account holds. A list not yet started counts with an estimate (from the site's device count)
 * until its first page says how many pages it has. Devices come from the device lists' items; a
 * site re-walked after the account list counts only what it adds to the devices listed for it
 * already. The total is never shown below what was read.
 */
export function createSyncProgress(onChange: (progress: WalkProgress) => void) {
  const lists = new Map<string, List>();
  let devicesExpected: number | null = null;
  const emit = () => {
    let done = 0;
    let total = 0;
    let known = true;
    let devicesDone = 0;
    for (const list of lists.values()) {
      done += list.done;
      if (list.total === null) known = false;
      else total += Math.max(list.total, list.done);
      if (list.devices) devicesDone += Math.max(0, list.items - list.devices.overlap);
    }
    onChange({
      pagesDone: done,
      pagesTotal: known ? total : null,
      devicesDone,
      devicesTotal: devicesExpected === null ? null : Math.max(devicesExpected, devicesDone),
    });
  };
  return {
    /**
     * A list the walk will read, of `pages` (null: not known yet). A device list counts its items
     * as devices, less `overlap`: those of its devices an earlier list counted.
     */
    expect(key: string, pages: number | null, devices: { overlap: number } | null = null) {
      if (!lists.has(key)) lists.set(key, { done: 0, total: pages, items: 0, devices });
      emit();
    },
    /** How many devices the account holds, as far as the walk can tell before reading them. */
    expectDevices(devices: number | null) {
      devicesExpected = devices;
      emit();
    },
    update(key: string, progress: { pagesDone: number; pagesTotal: number | null; items: number }) {
      const current = lists.get(key);
      lists.set(key, {
        done: progress.pagesDone,
        total: progress.pagesTotal ?? current?.total ?? null,
        items: progress.items,
        devices: current?.devices ?? null,
      });
      emit();
    },
    /** A list answered (perhaps from cache, without page callbacks): all its pages are done. */
    finish(key: string, items: number) {
      const current = lists.get(key);
      const pages = Math.max(current?.done ?? 0, current?.total ?? 1, 1);
      lists.set(key, { done: pages, total: pages, items, devices: current?.devices ?? null });
      emit();
    },
  };
}
