import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { actorKey, type AppEnv, type PersonActor } from "../contract/actor";
import { LiveQuerySchema, type LiveEvent } from "../contract/live";
import type { Clock } from "../lib/clock";
import type { LiveBus } from "../live/live-bus";
import { mayHear } from "../live/live-visibility";
import { apiError } from "../middleware/errors";
import { actorOf, type Guard } from "../middleware/route-guard";
import { createSlots } from "../middleware/slots";
import { validate } from "../middleware/validate";

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** Streams end after this long; the browser reconnects, and the session is checked again. */
const DEFAULT_STREAM_SECONDS = 600;

/**
 * Mounted at /api/live: one server-sent-event stream per open tab, carrying hints that alerts,
 * jobs, proposals or settings changed (server/contract/live.ts). People only: walls poll their
 * summary and agents ask for what they need.
 */
export function createLiveRoutes(deps: { bus: LiveBus; clock: Clock; guard: Guard }) {
  const { bus, clock, guard } = deps;
  const streams = createSlots({
    perCaller: 8,
    total: 500,
    refusedMine: (mine) =>
      `You already have ${mine} tabs receiving live updates; close one, or reload this one later.`,
    refusedAll: "Too many live connections right now; this page will refresh on a timer instead.",
  });

  return new Hono<AppEnv>().get(
    "/",
    ...guard({ needs: "signed-in", peopleOnly: true }, validate("query", LiveQuerySchema)),
    (c) => {
      const actor = actorOf(c) as PersonActor;
      const slot = streams.take(actorKey(actor));
      if ("refused" in slot) return apiError(c, 429, "too_many_streams", slot.refused);
      const seconds = c.req.valid("query").seconds ?? DEFAULT_STREAM_SECONDS;
      const response = streamSSE(c, async (stream) => {
        const pending: LiveEvent[] = [];
        const stop = new AbortController();
        let wake = () => undefined as void;
        const unsubscribe = bus.subscribe((event) => {
          if (!mayHear(actor, event.topic)) return;
          pending.push(event);
          wake();
        });
        stream.onAbort(() => stop.abort());
        try {
          await stream.writeSSE({ event: "ready", data: JSON.stringify({ at: clock.now() }) });
          const endAt = clock.now() + seconds * 1000;
          while (!stop.signal.aborted && clock.now() < endAt) {
            const waitMs = Math.min(HEARTBEAT_MS, endAt - clock.now());
            const woken = new AbortController();
            wake = () => woken.abort();
            if (pending.length === 0) {
              const both = AbortSignal.any([stop.signal, woken.signal]);
              await clock.sleep(waitMs, both).catch(() => undefined);
            }
            if (pending.length === 0) {
              if (!stop.signal.aborted && clock.now() < endAt) await stream.write(": ping\n\n");
              continue;
            }
            for (const event of pending.splice(0)) {
              await stream.writeSSE({ event: event.topic, data: JSON.stringify(event) });
            }
          }
        } finally {
          unsubscribe();
          slot.release();
        }
      });
      // Like every API answer (no-store.ts): streamSSE's own "no-cache" would let a cache keep it.
      response.headers.set("Cache-Control", "no-store");
      return response;
    },
  );
}
