import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import { DattoError, type DattoErrorKind } from "./datto-error";
import type { UpstreamState } from "./types";

const DEFAULT_PAUSE_MS = 60_000;
const MAX_PAUSE_MS = 10 * 60_000;
const BLOCK_MS = 5 * 60_000;
/** A 403 this soon after a 429 is taken as Datto's IP block, not a permission answer (API.md §3). */
const BLOCK_SUSPICION_MS = 10 * 60_000;
const RECENT_CALLS = 10;

type PauseKind = "rate-limited" | "blocked";

/**
 * Watches every answer from Datto: opens the 429 back-off and the 403 circuit, admits one probe when
 * a pause ends, and keeps what health() reports (slow, down, last success and error).
 */
export function createUpstreamMonitor(clock: Clock, logger: Logger, slowThresholdMs: number) {
  let pauseKind: PauseKind | null = null;
  let pausedUntil = 0;
  let probeInFlight = false;
  let last429At: number | null = null;
  let lastSuccessAt: number | null = null;
  let lastErrorAt: number | null = null;
  let lastErrorKind: DattoErrorKind | null = null;
  let recent: number[] = [];
  // A pause is logged when it starts and when it ends, with how many calls it refused: one line
  // per refused call flooded the log (77,530 lines in 200 s during one 429 pause).
  let pauseStartedAt = 0;
  let refusedWhilePaused = 0;

  const closedError = (kind: PauseKind, retryAt: number, notSent = false) =>
    kind === "blocked"
      ? new DattoError(
          "blocked",
          `Datto is blocking calls after rate limiting; calls resume at ${iso(retryAt)}.`,
          { retryAt, notSent },
        )
      : new DattoError("rate-limited", `Datto rate limit hit; next try at ${iso(retryAt)}.`, {
          retryAt,
          notSent,
        });
  const refuse = (kind: PauseKind, retryAt: number) => {
    refusedWhilePaused += 1;
    return closedError(kind, retryAt, true);
  };
  const endPause = () => {
    if (!pauseKind) return;
    logger.info("datto calls resumed after a pause", {
      pause: pauseKind,
      pausedForMs: clock.now() - pauseStartedAt,
      refusedWhilePaused,
    });
    pauseKind = null;
  };
  const startPause = (kind: PauseKind, until: number) => {
    const isNew = pauseKind === null;
    if (isNew) {
      pauseStartedAt = clock.now();
      refusedWhilePaused = 0;
    }
    const escalates = kind === "blocked" && pauseKind !== "blocked";
    pauseKind = kind;
    pausedUntil = until;
    return isNew || escalates;
  };

  return {
    /** Throws while a pause is running, without taking the probe slot (checked before queueing). */
    peek() {
      if (pauseKind && clock.now() < pausedUntil) throw refuse(pauseKind, pausedUntil);
    },
    /**
     * Called right before a request is sent. Throws while paused; once a pause ends, admits exactly
     * one probe and keeps the others out until the probe has answered. Returns release().
     */
    admit(): { isProbe: boolean; release: () => void } {
      if (!pauseKind) return { isProbe: false, release: () => undefined };
      const now = clock.now();
      if (now < pausedUntil) throw refuse(pauseKind, pausedUntil);
      if (probeInFlight) throw refuse(pauseKind, now + 1_000);
      probeInFlight = true;
      return {
        isProbe: true,
        release: () => {
          probeInFlight = false;
        },
      };
    },
    on429(retryAfter: string | null) {
      const now = clock.now();
      last429At = now;
      // A 429 during a block (an in-flight call answering late) must not shorten the block.
      const kind: PauseKind = pauseKind === "blocked" ? "blocked" : "rate-limited";
      const until = Math.max(
        kind === "blocked" ? pausedUntil : 0,
        now + parseRetryAfter(retryAfter, now),
      );
      if (startPause(kind, until)) {
        logger.warn("datto rate limit (429): pausing calls", { until: iso(pausedUntil) });
      }
      lastErrorAt = now;
      lastErrorKind = kind;
      return closedError(kind, pausedUntil);
    },
    /** True when this 403 is the block that follows 429s; then the circuit is open for 5 min. */
    on403(): boolean {
      const now = clock.now();
      lastErrorAt = now;
      if (last429At === null || now - last429At > BLOCK_SUSPICION_MS) {
        lastErrorKind = "forbidden";
        return false;
      }
      lastErrorKind = "blocked";
      if (startPause("blocked", now + BLOCK_MS)) {
        logger.error("datto blocked calls (403 after 429): circuit open", {
          until: iso(pausedUntil),
        });
      }
      return true;
    },
    blockedError: () => closedError("blocked", pausedUntil),
    /** Only the probe reopens calls: an older call that was already in flight proves nothing. */
    onSuccess(durationMs: number, isProbe: boolean) {
      lastSuccessAt = clock.now();
      if (isProbe) endPause();
      recent = [...recent.slice(-(RECENT_CALLS - 1)), durationMs];
    },
    /** Any answer that proves Datto is reachable and not limiting us (404, 400...) closes a pause. */
    onReachable(isProbe: boolean) {
      if (isProbe) endPause();
    },
    onFailure(kind: DattoErrorKind) {
      lastErrorAt = clock.now();
      lastErrorKind = kind;
    },
    state(): { state: UpstreamState; detail: string | null; blockedUntil: number | null } {
      const now = clock.now();
      if (pauseKind === "blocked" && now < pausedUntil) {
        return {
          state: "blocked",
          detail: closedError("blocked", pausedUntil).message,
          blockedUntil: pausedUntil,
        };
      }
      if (pauseKind) {
        const detail =
          now < pausedUntil
            ? `Datto rate limit hit; next try at ${iso(pausedUntil)}.`
            : "Datto rate limit hit; probing whether calls are accepted again.";
        return {
          state: "rate-limited",
          detail,
          blockedUntil: now < pausedUntil ? pausedUntil : null,
        };
      }
      const failing = lastErrorAt !== null && lastErrorAt > (lastSuccessAt ?? -Infinity);
      if (
        failing &&
        (lastErrorKind === "down" || lastErrorKind === "upstream" || lastErrorKind === "timeout")
      ) {
        const what =
          lastErrorKind === "timeout"
            ? "timing out"
            : lastErrorKind === "down"
              ? "unreachable"
              : "answering with server errors";
        return {
          state: "down",
          detail: `Datto is ${what} (last failure at ${iso(lastErrorAt!)}).`,
          blockedUntil: null,
        };
      }
      if (lastSuccessAt === null && lastErrorAt === null) {
        return {
          state: "unknown",
          detail: "No call to Datto has been made yet.",
          blockedUntil: null,
        };
      }
      const sorted = [...recent].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      if (sorted.length > 0 && median > slowThresholdMs) {
        return {
          state: "slow",
          detail: `Datto answers slowly (median ${Math.round(median)} ms over the last ${sorted.length} calls).`,
          blockedUntil: null,
        };
      }
      return { state: "ok", detail: null, blockedUntil: null };
    },
    lastSuccessAt: () => lastSuccessAt,
    lastErrorAt: () => lastErrorAt,
  };
}

export type UpstreamMonitor = ReturnType<typeof createUpstreamMonitor>;

function parseRetryAfter(value: string | null, now: number): number {
  if (!value) return DEFAULT_PAUSE_MS;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return DEFAULT_PAUSE_MS;
  return Math.min(MAX_PAUSE_MS, Math.max(1_000, ms));
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
