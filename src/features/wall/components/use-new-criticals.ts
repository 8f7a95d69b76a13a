import { useEffect, useRef, useState } from "react";
import type { WallSummary } from "@server/contract/wall";

const FLASH_MS = 60_000;
export const SOUND_STORAGE_KEY = "rmm-deck.wall-sound";

function readSound(): boolean {
  try {
    return window.localStorage.getItem(SOUND_STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

/** Two short tones, made in the page (no audio file to fetch, nothing for the CSP to allow). */
function chime(context: AudioContext) {
  const start = context.currentTime;
  [880, 660].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.25, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.35 + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + i * 0.35);
    oscillator.stop(start + i * 0.35 + 0.3);
  });
}

/**
 * Critical alerts that appeared since the wall started: their uids flash for a minute, and with
 * the sound on, each new arrival chimes once. Alerts already open when the wall starts do not.
 */
export function useNewCriticals(summary: WallSummary | undefined) {
  const seen = useRef<Set<string> | null>(null);
  const [flashing, setFlashing] = useState<ReadonlyMap<string, number>>(new Map());
  const [isSoundOn, setSoundOn] = useState(readSound);
  const audio = useRef<AudioContext | null>(null);
  const urgent = summary?.alerts.urgent;

  useEffect(() => {
    if (!urgent) return;
    const critical = urgent.filter((a) => a.priority === "Critical").map((a) => a.alertUid);
    if (seen.current === null) {
      seen.current = new Set(critical);
      return;
    }
    const known = seen.current;
    const fresh = critical.filter((uid) => !known.has(uid));
    fresh.forEach((uid) => known.add(uid));
    // A wall runs for weeks: forget long-gone alerts now and then (kept: those on screen).
    if (known.size > 5_000) seen.current = new Set(critical);
    if (fresh.length === 0) return;
    const until = Date.now() + FLASH_MS;
    setFlashing((current) => new Map([...current, ...fresh.map((uid) => [uid, until] as const)]));
    if (isSoundOn && typeof AudioContext !== "undefined") {
      // After a reload with the sound on, this may stay silent until someone clicks the page
      // (the browser's rule), unless the kiosk browser allows autoplay.
      audio.current ??= new AudioContext();
      void audio.current.resume().then(() => audio.current && chime(audio.current));
    }
  }, [urgent, isSoundOn]);

  // Ends each flash when its minute is up.
  useEffect(() => {
    if (flashing.size === 0) return;
    const next = Math.min(...flashing.values());
    const timer = setTimeout(
      () => setFlashing((m) => new Map([...m].filter(([, until]) => until > Date.now()))),
      Math.max(0, next - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [flashing]);

  const toggleSound = () => {
    const on = !isSoundOn;
    setSoundOn(on);
    try {
      window.localStorage.setItem(SOUND_STORAGE_KEY, on ? "on" : "off");
    } catch {
      // The choice lasts until reload.
    }
    // Browsers allow sound only after a click: this click is the one.
    if (on && typeof AudioContext !== "undefined") {
      audio.current ??= new AudioContext();
      void audio.current.resume();
    }
  };

  return { flashing: new Set(flashing.keys()), isSoundOn, toggleSound };
}
