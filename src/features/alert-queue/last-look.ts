import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { alertQueries } from "@/entities/alert/alert-queries";
import { client, ensureOk } from "@/lib/api-client";

/**
 * "Last look" is the person's, kept by the server (PUT /api/alerts/last-look sets it to now), so
 * "new since you last looked" is the same in every browser and tab. The queue's answers carry it.
 * Only the notification opt-in stays in this browser: permission to notify is per browser anyway.
 */
export function useMarkLastLook() {
  const queryClient = useQueryClient();
  return useCallback(
    async (options: { leaving?: boolean } = {}) => {
      try {
        // keepalive: the request outlives the page when the tab is closing.
        await ensureOk(
          await client.api.alerts["last-look"].$put({}, { init: { keepalive: true } }),
        );
      } catch {
        // Offline or signed out: the next look is remembered instead.
        return;
      }
      // The queue's answers carry the last look and the new count: ask again (cached rows stay).
      await queryClient.invalidateQueries({
        queryKey: alertQueries.all(),
        refetchType: options.leaving ? "none" : "active",
      });
    },
    [queryClient],
  );
}

const NOTIFY = "rmmdeck.alerts.notifyCritical";

export function readNotifyCritical(): boolean {
  try {
    return window.localStorage.getItem(NOTIFY) === "on";
  } catch {
    return false;
  }
}
export function writeNotifyCritical(on: boolean) {
  try {
    window.localStorage.setItem(NOTIFY, on ? "on" : "off");
  } catch {
    // Private mode or full storage: the choice lasts for this page.
  }
}
