import type { Priority } from "../gateway/types";

/** What every facade read accepts; passed through to the gateway's cache and budget. */
export interface ReadOptions {
  priority?: Priority;
  maxAgeMs?: number;
  staleWhileRevalidateMs?: number;
  signal?: AbortSignal;
}

export const seg = (value: string) => encodeURIComponent(value);

/** Paged lists also report progress (pages done of pages total) while they walk. */
export interface ListOptions extends ReadOptions {
  onProgress?: (progress: { pagesDone: number; pagesTotal: number | null; items: number }) => void;
}
