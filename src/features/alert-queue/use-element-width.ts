import { useEffect, useState, type RefObject } from "react";

/**
 * The inner width (without a scrollbar) of the element in `ref`, kept current as it resizes; null
 * before it is measured or where ResizeObserver does not exist (tests). `remountKey` changes when
 * the element may have been replaced (e.g. an error state swapped for the table).
 */
export function useElementWidth(
  ref: RefObject<HTMLElement | null>,
  remountKey: unknown,
): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, remountKey]);
  return width;
}
