import { hc } from "hono/client";
import type { z } from "zod";
import type { AppType } from "@server/app-type";
import { ApiErrorSchema } from "@server/contract/errors";

/**
 * The one place the SPA talks HTTP. `client` is the typed Hono RPC client (routes and inputs
 * inferred from the server's AppType): call it and pass the response to parseResponse(res, Schema)
 * or ensureOk(res), which turn a non-OK answer into an ApiRequestError. Links (CSV exports) come
 * from the same client's `$url()`. Requests carry the session cookie (same-origin).
 */

// An absolute base so the same code runs in the browser, in jsdom and under MSW.
const baseUrl = typeof window === "undefined" ? "http://localhost" : window.location.origin;

export const client = hc<AppType>(baseUrl, {
  // Looked up per call so test interceptors installed after import still see the request.
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  init: { credentials: "same-origin" },
});

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  /** When the server says to try again (epoch ms), from Retry-After or the error details. */
  readonly retryAt: number | undefined;

  constructor(status: number, code: string, message: string, retryAt?: number) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
    this.retryAt = retryAt;
  }
}

/**
 * Whether asking again could help: not for an answer that refuses the request itself (a bad or
 * unknown id, no permission). Timeouts, rate limits, server errors and network failures may pass.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

export function isApiRequestError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}

function retryAtFrom(res: ResponseLike, details: unknown, now: number): number | undefined {
  const header = res.headers.get("Retry-After");
  const seconds = header === null ? NaN : Number(header);
  if (Number.isFinite(seconds)) return now + seconds * 1000;
  if (details && typeof details === "object" && "retryAt" in details) {
    const at = (details as { retryAt: unknown }).retryAt;
    if (typeof at === "number") return at;
  }
  return undefined;
}

/** What ensureOk needs of a response: a fetch Response or hc's ClientResponse. */
export type ResponseLike = Pick<Response, "ok" | "status" | "statusText" | "headers" | "json">;

/** Turns a non-OK response into an ApiRequestError; returns the response when it is OK. */
export async function ensureOk<R extends ResponseLike>(res: R): Promise<R> {
  if (res.ok) return res;
  const body: unknown = await res.json().catch(() => null);
  const parsed = ApiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    throw new ApiRequestError(res.status, code, message, retryAtFrom(res, details, Date.now()));
  }
  throw new ApiRequestError(
    res.status,
    "http_error",
    `The server answered ${res.status} ${res.statusText}`.trim() + ".",
    retryAtFrom(res, undefined, Date.now()),
  );
}

/** Checks the status, then parses the JSON body with the contract schema. */
export async function parseResponse<S extends z.ZodType>(
  res: ResponseLike,
  schema: S,
): Promise<z.output<S>> {
  const ok = await ensureOk(res);
  return schema.parse(await ok.json());
}

/** A query string as hc wants it (every value a string), from URL search params. */
export function searchRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params);
}

/** A sentence for a person, whatever went wrong (API error, network failure, unexpected payload). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof TypeError) {
    return "Could not reach the RMM Deck server. Check your connection and try again.";
  }
  if (error instanceof Error && error.name === "ZodError") {
    return "The server sent an answer this screen does not understand.";
  }
  return "Something went wrong.";
}
