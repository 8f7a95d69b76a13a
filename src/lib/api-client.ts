import { hc } from "hono/client";
import type { z } from "zod";
import type { AppType } from "@server/app-type";
import { ApiErrorSchema } from "@server/contract/errors";

/**
 * The one place the SPA talks HTTP. `client` is the typed Hono RPC client (routes and inputs
 * inferred from the server's AppType): call it and pass the response to parseResponse(res, Schema)
 * or ensureOk(res). `apiFetch` is the schema-typed fallback for a path hc cannot express. Both send
 * the session cookie (same-origin) and turn a non-OK answer into an ApiRequestError.
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

export type ApiFetchOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON: the server refuses writes that are not JSON. */
  json?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
};

function buildUrl(path: string, query: ApiFetchOptions["query"]): string {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export function apiFetch<S extends z.ZodType>(
  path: string,
  options: ApiFetchOptions & { schema: S },
): Promise<z.output<S>>;
export function apiFetch(path: string, options?: ApiFetchOptions): Promise<void>;
export async function apiFetch(
  path: string,
  options: ApiFetchOptions & { schema?: z.ZodType } = {},
): Promise<unknown> {
  const { method = "GET", json, query, signal, schema } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(buildUrl(path, query), {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    credentials: "same-origin",
    signal,
  });
  if (!schema) {
    await ensureOk(res);
    return undefined;
  }
  return parseResponse(res, schema);
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
