import type { ZodType } from "zod";

/**
 * The ONE way to Datto. Every read and write of every user, wall and agent goes through a single
 * DattoGateway instance, so one rate budget, one token and one cache serve them all.
 */
export type Priority = "interactive" | "background";

export type QueryValue = string | number | boolean | undefined | null;

export interface ReadRequest<T> {
  /** Path under the API base, starting with /v2/ (e.g. "/v2/device/abc"). */
  path: string;
  query?: Record<string, QueryValue>;
  schema: ZodType<T>;
  /** Interactive requests go before background refreshes when the budget is tight. */
  priority?: Priority;
  /** A cached answer younger than this is served without calling Datto. Default 30 s. */
  maxAgeMs?: number;
  /** Past maxAgeMs and up to this age a cached answer is served at once and refreshed behind. */
  staleWhileRevalidateMs?: number;
  signal?: AbortSignal;
}

export interface PagedReadRequest<T> extends Omit<ReadRequest<T>, "schema"> {
  /** The key of the array in the paged envelope: "sites", "devices", "alerts", "software"... */
  itemsKey: string;
  itemSchema: ZodType<T>;
  onProgress?: (progress: { pagesDone: number; pagesTotal: number | null; items: number }) => void;
}

export interface Fresh<T> {
  data: T;
  /** When this data left Datto (epoch ms of the gateway clock). */
  fetchedAt: number;
  /** True when served from cache past its max age because Datto could not be reached. */
  stale: boolean;
}

/** Datto's write operations, each with its own per-minute quota (API.md §3). */
export type WriteOperation =
  | "device-job-create"
  | "alert-resolve"
  | "device-move"
  | "device-udf-set"
  | "site-create"
  | "site-update";

export interface WriteRequest<T> {
  operation: WriteOperation;
  method: "PUT" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  schema: ZodType<T>;
  signal?: AbortSignal;
}

export type UpstreamState =
  "ok" | "slow" | "rate-limited" | "blocked" | "credentials-rejected" | "down" | "unknown";

export interface GatewayHealth {
  state: UpstreamState;
  /** A sentence for a person explaining the state, e.g. "Datto rate limit hit; next try at 10:04". */
  detail: string | null;
  /** Epoch ms until which no call is made (429 back-off or 403 block), null when open. */
  blockedUntil: number | null;
  budget: {
    windowSeconds: number;
    readsUsed: number;
    readsLimit: number;
    writes: Record<string, { used: number; limit: number }>;
    queued: number;
  };
  token: { ageMs: number | null; expiresInMs: number | null; requests: number };
  cache: {
    entries: number;
    hits: number;
    misses: number;
    coalesced: number;
    staleServed: number;
    negatives: number;
    negativeHits: number;
  };
  malformedPayloads: number;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
}

export interface DattoGateway {
  read<T>(request: ReadRequest<T>): Promise<Fresh<T>>;
  /** Walks every page (following only the query string of nextPageUrl) and returns all items. */
  readAllPages<T>(request: PagedReadRequest<T>): Promise<Fresh<T[]>>;
  /** Never retried automatically: a quick job created twice is a real incident. */
  write<T>(request: WriteRequest<T>): Promise<T>;
  /** Drops cached answers whose path starts with this prefix (after a write changes them). */
  invalidate(pathPrefix: string): void;
  health(): GatewayHealth;
}
