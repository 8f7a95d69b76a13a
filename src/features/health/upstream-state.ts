import type { Health } from "@server/contract/health";
import { formatTime, withLocalTimes } from "@/lib/format";

export type HealthTone = "ok" | "warning" | "danger";

export type UpstreamView = { label: string; tone: HealthTone; explanation: string };

/**
 * What each upstream state means for a technician, in words they can act on.
 * The limits behind "slow", "rate-limited" and "blocked" are Datto's (API.md section 3).
 */
export function describeUpstream(health: Health, now: number): UpstreamView {
  const { state, blockedUntil } = health.upstream;
  switch (state) {
    case "ok":
      return {
        label: "Datto OK",
        tone: "ok",
        explanation: "Datto RMM is answering normally. Data on screen is kept fresh.",
      };
    case "slow":
      return {
        label: "Datto slow",
        tone: "warning",
        explanation:
          "Datto RMM is answering slowly. Datto adds a delay once most of the account's request budget is used, so screens may take a few seconds longer.",
      };
    case "rate-limited":
      return {
        label: "Rate limited",
        tone: "warning",
        explanation:
          "Datto RMM refused requests because the account's request limit was reached. The limit is shared by every tool that uses this Datto account. RMM Deck is pausing and shows the last data it has; it resumes on its own.",
      };
    case "blocked": {
      const until = blockedUntil ? formatTime(blockedUntil) : null;
      const minutes = blockedUntil ? Math.max(1, Math.ceil((blockedUntil - now) / 60_000)) : null;
      return {
        label: until ? `Blocked until ${until}` : "Blocked",
        tone: "danger",
        explanation: `Datto RMM has temporarily blocked this server after too many requests${
          until ? `, until ${until} (about ${minutes} min)` : ""
        }. Nothing can be fetched or run until then; data on screen may be out of date.`,
      };
    }
    case "credentials-rejected":
      return {
        label: "Credentials rejected",
        tone: "danger",
        explanation:
          "Datto RMM rejected the API key this server uses. An administrator must update the Datto API credentials in the server's configuration. Data on screen is from before the rejection.",
      };
    case "down":
      return {
        label: "Datto down",
        tone: "danger",
        explanation:
          "Datto RMM cannot be reached or is failing. Data on screen may be out of date; RMM Deck keeps retrying in the background.",
      };
    case "unknown":
      return {
        label: "Status unknown",
        tone: "warning",
        explanation:
          "RMM Deck has not heard from Datto RMM yet, so it cannot tell whether Datto is working. This clears after the first successful request.",
      };
  }
}

/** When the RMM Deck server itself does not answer the health check. */
export const SERVER_UNREACHABLE: UpstreamView = {
  label: "Server unreachable",
  tone: "danger",
  explanation:
    "The RMM Deck server is not answering. Check your network connection; if it persists, the server may be down.",
};

/** The server's detail line with its timestamps in the viewer's time (see src/lib/format). */
export const readableDetail = withLocalTimes;
