import type { WallSummary } from "@server/contract/wall";

export type WallFreshness = {
  /** Loud: the numbers on screen may not be current. */
  stale: boolean;
  /** Why, for the people in the room, most important first. */
  reasons: string[];
  /** When the numbers on screen arrived (this browser's clock), null before the first. */
  shownSince: number | null;
  /** When the wall asks again (this browser's clock). */
  nextRefreshAt: number;
};

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * The wall's honesty rule (issue 12): STALE when the last numbers are older than two refresh
 * periods, when the last request failed (the server is down or unreachable), or when the server
 * says a part behind it is failing (Datto down, the fleet sync failing). Pure: callers pass `now`.
 */
export function wallFreshness(input: {
  now: number;
  refreshMs: number;
  /** When the last good summary arrived; 0 when none has. */
  dataUpdatedAt: number;
  /** When the last failed attempt ended; 0 when none has failed. */
  errorUpdatedAt: number;
  errorMessage: string | null;
  summary: WallSummary | undefined;
}): WallFreshness {
  const { now, refreshMs, dataUpdatedAt, errorUpdatedAt, summary } = input;
  const reasons: string[] = [];
  const lastAttempt = Math.max(dataUpdatedAt, errorUpdatedAt);
  if (errorUpdatedAt > dataUpdatedAt) {
    reasons.push(
      `The RMM Deck server cannot be reached${input.errorMessage ? ` (${input.errorMessage.replace(/\.$/, "")})` : ""}; trying again every ${seconds(refreshMs)}.`,
    );
  }
  if (dataUpdatedAt > 0 && now - dataUpdatedAt > 2 * refreshMs) {
    reasons.push(
      `No new numbers for ${seconds(now - dataUpdatedAt)}; the wall should get them every ${seconds(refreshMs)}.`,
    );
  }
  if (summary) {
    reasons.push(...summary.problems);
    const serverAge = summary.serverNow - summary.generatedAt;
    if (serverAge > 2 * refreshMs)
      reasons.push(`The server's summary is ${seconds(serverAge)} old.`);
  }
  const hasData = dataUpdatedAt > 0 && summary !== undefined;
  // While the server cannot read Datto, its numbers are those of its last good read, not of the
  // moment the summary arrived: say so (moved to this browser's clock).
  const readAt = summary && !summary.healthy ? summary.alerts.fetchedAt : null;
  const shownSince =
    hasData && readAt !== null
      ? Math.min(dataUpdatedAt, dataUpdatedAt - (summary.serverNow - readAt))
      : dataUpdatedAt;
  return {
    stale: reasons.length > 0 && (hasData || errorUpdatedAt > 0),
    reasons,
    shownSince: hasData ? shownSince : null,
    nextRefreshAt: (lastAttempt || now) + refreshMs,
  };
}
