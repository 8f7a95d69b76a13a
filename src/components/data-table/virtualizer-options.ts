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

/** A fixed viewport for tests: `rect` is reported once, as a ResizeObserver would. */
export function fixedViewport(rect: Rect): VirtualizerOverrides {
  return {
    initialRect: rect,
    observeElementRect: (_instance, cb) => {
      cb(rect);
      return () => {};
    },
  };
}
