import { useEffect } from "react";

/**
 * Names the tab, most specific first: useDocumentTitle("BEACON-DC01", "Devices") gives
 * "BEACON-DC01 · Devices · RMM Deck". Screen readers announce it on navigation too.
 */
export function useDocumentTitle(...parts: Array<string | null | undefined>) {
  const title = [...parts.filter(Boolean), "RMM Deck"].join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
