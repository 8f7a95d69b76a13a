import type { Rect } from "@tanstack/react-virtual";

/**
 * Lets a test give the virtualizer a viewport: jsdom has no layout, so without this every
 * virtualized list renders zero rows. Production code never sets it.
 */
export type VirtualizerOverrides = {
  initialRect?: Rect;
  observeElementRect?: (instance: unknown, cb: (rect: Rect) => void) => void | (() => void);
};

let overrides: VirtualizerOverrides = {};

export function setVirtualizerOverrides(next: VirtualizerOverrides): void {
  overrides = next;
}

export function getVirtualizerOverrides(): VirtualizerOverrides {
  return overrides;
}

/**
 * A fixed viewport for tests: `rect` is reported once the virtualizer attaches to its scroll
 * element, as a ResizeObserver would. No `initialRect`: a browser has none either, so a virtualizer
 * that never attaches shows no rows here too.
 */
export function fixedViewport(rect: Rect): VirtualizerOverrides {
  return {
    observeElementRect: (_instance, cb) => {
      cb(rect);
      return () => {};
    },
  };
}
