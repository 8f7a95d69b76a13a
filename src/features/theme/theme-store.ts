import { z } from "zod";

/**
 * The chosen theme lives in localStorage and shows as the `.dark` class on <html> (Tailwind's
 * dark variant, see src/index.css). "system" follows the operating system, live.
 */
export const ThemeChoiceSchema = z.enum(["light", "dark", "system"]);
export type ThemeChoice = z.infer<typeof ThemeChoiceSchema>;

export const THEME_STORAGE_KEY = "rmm-deck.theme";

const listeners = new Set<() => void>();
let current: ThemeChoice = readStoredTheme();

function readStoredTheme(): ThemeChoice {
  try {
    const parsed = ThemeChoiceSchema.safeParse(window.localStorage.getItem(THEME_STORAGE_KEY));
    return parsed.success ? parsed.data : "system";
  } catch {
    return "system"; // storage can be disabled (privacy modes); the default still works
  }
}

function systemQuery(): MediaQueryList | null {
  return typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-color-scheme: dark)")
    : null;
}

export function resolveTheme(choice: ThemeChoice): "light" | "dark" {
  if (choice !== "system") return choice;
  return systemQuery()?.matches ? "dark" : "light";
}

function apply() {
  const resolved = resolveTheme(current);
  document.documentElement.classList.toggle("dark", resolved === "dark");
  document.documentElement.style.colorScheme = resolved;
}

export function getThemeChoice(): ThemeChoice {
  return current;
}

export function setThemeChoice(choice: ThemeChoice) {
  current = choice;
  try {
    if (choice === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not persisted, but still applied for this visit.
  }
  apply();
  listeners.forEach((listener) => listener());
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call once at start-up: applies the stored choice and follows OS changes while on "system". */
export function startTheme() {
  current = readStoredTheme();
  apply();
  systemQuery()?.addEventListener("change", () => {
    if (current === "system") apply();
  });
}
