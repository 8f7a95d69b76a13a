import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import { AlertUidSchema, MAX_BULK_RESOLVE, type ResolveResult } from "../contract/alerts";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { Logger } from "../lib/logger";
import { refusal, type Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";
import type { Store } from "../store/port/store";
import type { AlertQueue } from "./alert-queue";
import { createResolveBatches } from "./resolve-batches";
import { deckResolution } from "./deck-resolution";

export type ResolveDeps = {
  datto: DattoApi;
  queue: AlertQueue;
  store: Pick<Store, "transaction" | "alertClaims" | "alertResolutions">;
  clock: Clock;
  logger: Logger;
  live: LiveBus;
};

/** A resolve that could not be sent or was refused by Datto's pacing: a bulk run stops there. */
const STOPS_A_RUN = new Set(["rate-limited", "blocked"]);

const result = (alertUid: string, status: ResolveResult["status"], message: string) => ({
  alertUid,
  status,
  message,
});

const when = (at: number) => new Date(at).toISOString().replace(/\.\d+Z$/, "Z");

/**
 * Resolving alerts at Datto (POST /v2/alert/{uid}/resolve, `alert-resolve` write quota): one or
 * many, technicians and up. A resolve is sent at most once and never retried; two people resolving
 * the same alert at once share one call and both see its outcome; an unknown outcome is shown as
 * such and settled by the next poll. Resolving does not fix the cause: the monitor may raise the
 * alert again.
 */
export function createAlertResolver(deps: ResolveDeps) {
  const { datto, queue, store, clock, logger, live } = deps;
  /** One call per alert at a time, shared by whoever asks meanwhile. */
  const inFlight = new Map<string, Promise<{ result: ResolveResult; stop: boolean }>>();

  async function send(
    actor: Actor,
    uid: string,
  ): Promise<{ result: ResolveResult; stop: boolean }> {
    const listed = queue.openAlert(uid);
    let where = listed ? { siteUid: listed.siteUid, deviceUid: listed.deviceUid } : null;
    if (!where) {
      const done = (await store.alertResolutions.get(uid))?.alert.resolution;
      if (done) {
        const by = done.by ? ` by ${done.by}` : "";
        return {
          result: result(uid, "already-resolved", `Already resolved${by} at ${when(done.at)}.`),
          stop: false,
        };
      }
      // Not in the last poll: maybe newer than it. Ask Datto before resolving anything.
      try {
        const read = await datto.getAlert(uid, { priority: "interactive", maxAgeMs: 0 });
        if (read.data.resolved) {
          const by = read.data.resolvedBy ? ` by ${read.data.resolvedBy}` : "";
          return {
            result: result(uid, "already-resolved", `Already resolved in Datto${by}.`),
            stop: false,
          };
        }
        const source = read.data.alertSourceInfo;
        where = {
          siteUid: source?.siteUid ?? null,
          deviceUid: source?.deviceUid ?? null,
        };
      } catch (error) {
        if (error instanceof DattoError && error.kind === "not-found") {
          return {
            result: result(uid, "not-found", "Datto has no alert with this uid."),
            stop: false,
          };
        }
        return failure(uid, error);
      }
    }
    try {
      await datto.resolveAlert(uid, where);
    } catch (error) {
      if (error instanceof DattoError && error.outcomeUnknown) {
        queue.outcomeUnknown(uid, actor);
        await store.transaction((tx) =>
          recordEvent(tx.events, actor, {
            kind: "alert.resolve_unknown",
            target: uid,
            detail: { reason: error.message },
          }),
        );
        live.publish({ topic: "alerts", kind: "resolve-unknown", id: uid, at: clock.now() });
        return {
          result: result(
            uid,
            "outcome-unknown",
            "Sent, but Datto's answer was lost: it may or may not be resolved. The next poll (within a minute) will tell; it is not sent again.",
          ),
          stop: false,
        };
      }
      if (error instanceof DattoError && error.kind === "not-found") {
        return {
          result: result(uid, "not-found", "Datto has no alert with this uid."),
          stop: false,
        };
      }
      return failure(uid, error);
    }
    const at = clock.now();
    await store.transaction(async (tx) => {
      const claim = await tx.alertClaims.release(uid);
      const alert = queue.resolvedNow(uid, actor, at, claim);
      await tx.alertResolutions.record(deckResolution(actor, at, alert));
      await recordEvent(tx.events, actor, {
        kind: "alert.resolved",
        target: uid,
        detail: {
          priority: alert.priority,
          summary: alert.contextSummary,
          device: alert.deviceName,
          site: alert.siteName,
        },
      });
    });
    live.publish({ topic: "alerts", kind: "resolved", id: uid, at });
    return { result: result(uid, "resolved", "Resolved in Datto."), stop: false };
  }

  function failure(uid: string, error: unknown): { result: ResolveResult; stop: boolean } {
    if (!(error instanceof DattoError)) {
      logger.error("alert resolve failed", {
        error: error instanceof Error ? error.message : "unknown",
      });
      return {
        result: result(uid, "failed", "Resolving failed; the error was logged."),
        stop: true,
      };
    }
    const stop = STOPS_A_RUN.has(error.kind) || error.notSent;
    const status = error.notSent || error.kind === "rate-limited" ? "not-sent" : "failed";
    const text =
      error.kind === "rate-limited"
        ? "Not resolved: Datto's rate limit refused it. Nothing was retried."
        : error.notSent
          ? `Not sent: ${error.message}`
          : `Not resolved: ${error.message}`;
    return { result: result(uid, status, text), stop };
  }

  /** One alert, shared with anyone resolving the same alert right now. */
  function resolveShared(actor: Actor, uid: string) {
    let pending = inFlight.get(uid);
    if (!pending) {
      pending = send(actor, uid).finally(() => inFlight.delete(uid));
      inFlight.set(uid, pending);
    }
    return pending;
  }

  function checkUids(uids: readonly string[]) {
    const bad = uids.find((u) => !AlertUidSchema.safeParse(u).success);
    if (bad !== undefined) {
      return refusal("not-found", "not_an_alert_uid", "That is not a Datto alert uid.");
    }
    return null;
  }

  async function resolveAlerts(
    actor: Actor,
    input: {
      alertUids: readonly string[];
      onProgress?: (results: readonly ResolveResult[]) => void;
    },
  ): Promise<Outcome<{ results: ResolveResult[]; stopMessage: string | null }>> {
    const denied = authorize(actor, "alerts:resolve");
    if (denied) return denied;
    const uids = [...new Set(input.alertUids)];
    if (uids.length === 0)
      return refusal("conflict", "nothing_to_resolve", "Choose at least one alert.");
    if (uids.length > MAX_BULK_RESOLVE) {
      return refusal("conflict", "too_many", `At most ${MAX_BULK_RESOLVE} alerts at once.`);
    }
    const bad = checkUids(uids);
    if (bad) return bad;
    const results: ResolveResult[] = [];
    let stopMessage: string | null = null;
    // One after another: the gateway paces them inside the alert-resolve budget (80 a minute).
    for (const uid of uids) {
      if (stopMessage) {
        results.push(result(uid, "not-sent", "Not attempted: the run stopped first."));
        continue;
      }
      const { result: r, stop } = await resolveShared(actor, uid);
      results.push(r);
      if (stop) {
        const resolved = results.filter((x) => x.status === "resolved").length;
        stopMessage = `Stopped at ${uid}: ${r.message} ${resolved} of ${uids.length} resolved before; the rest were not sent. Try them again in a minute.`;
      }
      input.onProgress?.(results);
    }
    if (stopMessage) input.onProgress?.(results);
    return { ok: true, results, stopMessage };
  }

  const batches = createResolveBatches({ clock, live, logger, resolveAlerts, checkUids });

  return {
    /** One alert (POST /api/alerts/:uid/resolve). */
    async resolveAlert(
      actor: Actor,
      input: { alertUid: string },
    ): Promise<Outcome<{ result: ResolveResult }>> {
      const outcome = await resolveAlerts(actor, { alertUids: [input.alertUid] });
      if (!outcome.ok) return outcome;
      return { ok: true, result: outcome.results[0]! };
    },
    resolveAlerts,
    /** Bulk runs the browser follows (resolve-batches.ts). */
    startBatch: batches.startBatch,
    batch: batches.batch,
    /** Settles every run in progress (tests, shutdown). */
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}

export type AlertResolver = ReturnType<typeof createAlertResolver>;
