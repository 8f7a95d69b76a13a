import { useCallback } from "react";
import { useLocation, useNavigate } from "react-router";
import type { VariableValues } from "./variables-form";

type Saved = { component: string; values: VariableValues };

function readSaved(state: unknown): Saved | null {
  if (typeof state !== "object" || state === null || !("launcher" in state)) return null;
  const saved = (state as { launcher: unknown }).launcher;
  if (typeof saved !== "object" || saved === null) return null;
  const { component, values } = saved as Partial<Saved>;
  return typeof component === "string" && typeof values === "object" && values !== null
    ? { component, values }
    : null;
}

/**
 * What the launcher remembers on its own history entry, so Back from a run (or from a device)
 * finds it as it was left: the picked component in the URL (a reload or a shared link opens it)
 * and the typed variables in the entry's state, not the URL (values can be commands or paths that
 * have no place in logs). The preview is never remembered: another run needs a fresh preview.
 */
export function useLauncherMemory() {
  const location = useLocation();
  const navigate = useNavigate();
  const saved = readSaved(location.state);
  const { search } = location;
  const remember = useCallback(
    (component: string, values: VariableValues) => {
      const params = new URLSearchParams(search);
      params.set("component", component);
      void navigate(
        { search: params.toString() },
        { replace: true, state: { launcher: { component, values } } },
      );
    },
    [navigate, search],
  );
  return { saved, remember };
}
