import { useEffect } from "react";

/** "Users · RMM Deck": each screen names the tab and what screen readers announce on load. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · RMM Deck` : "RMM Deck";
  }, [title]);
}
