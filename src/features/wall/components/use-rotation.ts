import { useEffect, useState } from "react";

/** Which panel a rotating wall shows: advances every `seconds` unless paused; prev/next wrap. */
export function useRotation(count: number, seconds: number, enabled: boolean) {
  const [index, setIndex] = useState(0);
  const [isPaused, setPaused] = useState(false);
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (!enabled || isPaused || count < 2) return;
    // Restarts on every move (turn), so a panel picked by hand gets its full time.
    const timer = setTimeout(() => {
      setIndex((i) => (i + 1) % count);
      setTurn((t) => t + 1);
    }, seconds * 1000);
    return () => clearTimeout(timer);
  }, [enabled, isPaused, count, seconds, index, turn]);
  const go = (to: number) => {
    setIndex(((to % count) + count) % count);
    setTurn((t) => t + 1);
  };
  return {
    index: Math.min(index, Math.max(0, count - 1)),
    isPaused,
    togglePause: () => setPaused((p) => !p),
    previous: () => go(index - 1),
    next: () => go(index + 1),
    go,
  };
}
