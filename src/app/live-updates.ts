import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { LiveEventSchema, type LiveTopic } from "@server/contract/live";
import { alertQueries } from "@/entities/alert/alert-queries";
import { deviceQueries } from "@/entities/device/device-queries";
import { jobQueries } from "@/entities/job/job-queries";
import { siteQueries } from "@/entities/site/site-queries";

/**
 * What each live hint (GET /api/live) makes stale. The app shell is the one place that knows both
 * the hints and every entity's keys; a feature with its own live data adds its entity's root here.
 */
const STALE_ON: Record<LiveTopic, readonly QueryKey[]> = {
  alerts: [alertQueries.all(), deviceQueries.all(), siteQueries.all()],
  jobs: [jobQueries.all()],
  proposals: [["proposals"]],
  fleet: [deviceQueries.all(), siteQueries.all()],
  settings: [["settings"]],
};

/**
 * Listens for change hints while signed in and refetches what they name, so a claim, a resolve or
 * a job's progress shows in every open tab within a second. EventSource reconnects by itself; after
 * a reconnect everything live is refetched, since hints sent meanwhile were missed. Screens keep
 * their own slower polling as the fallback (no EventSource, a proxy that buffers streams).
 */
export function useLiveUpdates(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/live");
    let connectedBefore = false;
    const staleAll = () => {
      for (const keys of Object.values(STALE_ON)) {
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }
    };
    source.addEventListener("ready", () => {
      if (connectedBefore) staleAll();
      connectedBefore = true;
    });
    const onHint = (message: MessageEvent<string>) => {
      const parsed = LiveEventSchema.safeParse(safeJson(message.data));
      if (!parsed.success) return;
      for (const queryKey of STALE_ON[parsed.data.topic]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    };
    for (const topic of Object.keys(STALE_ON)) source.addEventListener(topic, onHint);
    return () => source.close();
  }, [enabled, queryClient]);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
