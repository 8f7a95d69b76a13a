import { useSyncExternalStore } from "react";
import { getThemeChoice, setThemeChoice, subscribeTheme, type ThemeChoice } from "./theme-store";

export const THEME_OPTIONS: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "Same as system" },
];

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribeTheme, getThemeChoice, getThemeChoice);
  return [choice, setThemeChoice];
}
