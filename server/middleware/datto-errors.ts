import type { Context } from "hono";
import { DattoError } from "../datto/gateway/datto-error";
import { apiError } from "./errors";

const when = (retryAt: number | undefined) =>
  retryAt === undefined ? "" : ` Next try at ${new Date(retryAt).toISOString()}.`;

/**
 * Maps a gateway error to our API error shape, or returns null when `err` is not a DattoError.
 * Messages are the gateway's safe ones (status and path template), never upstream bodies.
 */
export function dattoErrorResponse(c: Context, err: unknown) {
  if (!(err instanceof DattoError)) return null;
  const retry = err.retryAt === undefined ? undefined : { retryAt: err.retryAt };
  switch (err.kind) {
    case "not-found":
      return apiError(c, 404, "not_found", "Datto has no such object (it may have been deleted).");
    case "bad-request":
      return apiError(
        c,
        422,
        "datto_rejected",
        err.upstreamMessage
          ? `Datto rejected the request: ${err.upstreamMessage}`
          : "Datto rejected the request.",
      );
    case "conflict":
      return apiError(
        c,
        409,
        "datto_conflict",
        "Datto reported a concurrent change. Reload and try again.",
      );
    case "forbidden":
      return apiError(
        c,
        403,
        "datto_forbidden",
        "The Datto API user is not allowed to do this. Check its permissions in Datto RMM.",
      );
    case "rate-limited":
      return apiError(
        c,
        503,
        "upstream_rate_limited",
        `Datto's rate limit was reached; RMM Deck is pausing calls.${when(err.retryAt)}`,
        retry,
      );
    case "blocked":
      return apiError(
        c,
        503,
        "upstream_blocked",
        `Datto is temporarily blocking calls after rate limiting.${when(err.retryAt)}`,
        retry,
      );
    case "credentials-rejected":
      return apiError(
        c,
        503,
        "datto_credentials_rejected",
        "Datto rejected the API key/secret. Check DATTO_API_KEY and DATTO_API_SECRET, and that API access is enabled for that Datto user (Setup > Global Settings > Access Control).",
      );
    case "timeout":
      return apiError(
        c,
        504,
        "upstream_timeout",
        `Datto did not answer in time. ${writeNote(err)}`.trim(),
      );
    case "malformed":
      return apiError(
        c,
        502,
        "upstream_malformed",
        "Datto's answer could not be read. The event was logged.",
      );
    case "down":
    case "upstream":
      if (err.status === 401) {
        return apiError(
          c,
          502,
          "upstream_unavailable",
          "Datto refused the session token, so the change was not applied. Try again.",
        );
      }
      return apiError(
        c,
        502,
        "upstream_unavailable",
        `Datto could not be reached or failed. ${writeNote(err)}`.trim(),
      );
  }
}

function writeNote(err: DattoError): string {
  return err.outcomeUnknown
    ? "The change may or may not have been applied: check before trying again."
    : "";
}

/** For a route's catch: answers a Datto error as our API error, rethrows anything else. */
export function dattoErrorOrRethrow(c: Context, error: unknown) {
  const response = dattoErrorResponse(c, error);
  if (response) return response;
  throw error;
}
