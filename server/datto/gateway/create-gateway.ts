import type { ZodType } from "zod";
import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import { DattoError } from "./datto-error";
import { createConcurrencyGate } from "./concurrency-gate";
import { createLoopGuard, nextPageQuery, PAGE_SIZE, PageDetailsEnvelopeSchema } from "./paging";
import { pathTemplate } from "./path-template";
import { queryString, toQueryPairs, type QueryPairs } from "./query-string";
import { createRateBudget, type RateBudget } from "./rate-budget";
import { createResponseCache, type SharedResponseStore } from "./response-cache";
import { createTokenManager, type SharedTokenStore } from "./token-manager";
import { normalizeBaseUrl, tokenUrlFor } from "./token-url";
import type { DattoGateway, Fresh, GatewayHealth, PagedReadRequest, ReadRequest } from "./types";
import { createUpstreamClient } from "./upstream-client";
import { createUpstreamMonitor } from "./upstream-monitor";

export interface DattoGatewayOptions {
  /** The API base ending in /api, e.g. https://pinotage-api.centrastage.net/api. */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
  readsPerMinute?: number;
  writesPerOperationPerMinute?: number;
  timeoutMs?: number;
  /** How long a call may wait for a budget slot before giving up. */
  queueTimeoutMs?: number;
  slowThresholdMs?: number;
  /** Requests in flight to Datto at once (default 6). */
  maxConcurrent?: number;
  cacheMaxEntries?: number;
  random?: () => number;
  /**
   * Several instances (REDIS_URL, server/coord/): the budget, token and cached answers they share.
   * Default: this process's own, in memory.
   */
  shared?: {
    budget?: RateBudget;
    token?: SharedTokenStore;
    cache?: SharedResponseStore;
  };
}

const DEFAULT_MAX_AGE_MS = 30_000;

export function createDattoGateway(options: DattoGatewayOptions): DattoGateway {
  const { clock, logger } = options;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const tokens = createTokenManager({
    tokenUrl: tokenUrlFor(options.baseUrl),
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    fetch: options.fetch,
    clock,
    logger,
    timeoutMs,
    ...(options.shared?.token ? { shared: options.shared.token } : {}),
  });
  const budget =
    options.shared?.budget ??
    createRateBudget(clock, {
      reads: options.readsPerMinute ?? 450,
      writesPerOperation: options.writesPerOperationPerMinute ?? 80,
    });
  const gate = createConcurrencyGate(options.maxConcurrent ?? 6);
  const monitor = createUpstreamMonitor(clock, logger, options.slowThresholdMs ?? 5_000);
  const cache = createResponseCache(
    clock,
    logger,
    options.cacheMaxEntries ?? 5_000,
    options.shared?.cache,
  );
  const client = createUpstreamClient({
    baseUrl: normalizeBaseUrl(options.baseUrl),
    fetch: options.fetch,
    clock,
    logger,
    tokens,
    budget,
    gate,
    monitor,
    timeoutMs,
    queueTimeoutMs: options.queueTimeoutMs ?? 120_000,
    random: options.random ?? Math.random,
    secrets: [options.apiKey, options.apiSecret],
  });
  let malformedPayloads = 0;

  const countMalformed = (template: string, issues: Array<{ path: PropertyKey[] }>, count = 1) => {
    malformedPayloads += count;
    const where = issues.slice(0, 3).map((i) => i.path.map(String).join("."));
    logger.warn("datto payload malformed", { call: template, count, where });
  };

  /** `template` is a function: the message is only built for an answer that fails to parse. */
  function parse<T>(schema: ZodType<T>, raw: unknown, template: () => string): T {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    countMalformed(template(), result.error.issues);
    throw new DattoError("malformed", `Datto's answer to ${template()} had an unexpected shape.`);
  }

  async function sendRead(
    path: string,
    query: QueryPairs,
    priority: ReadRequest<unknown>["priority"],
    signal: AbortSignal,
  ) {
    try {
      return await client.send({
        kind: "read",
        bucket: "reads",
        method: "GET",
        path,
        query,
        priority: priority ?? "interactive",
        signal,
      });
    } catch (error) {
      if (error instanceof DattoError && error.kind === "malformed")
        countMalformed(`GET ${pathTemplate(path)}`, []);
      throw error;
    }
  }

  const cacheOptions = (request: ReadRequest<unknown> | PagedReadRequest<unknown>) => ({
    maxAgeMs: request.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
    staleWhileRevalidateMs: request.staleWhileRevalidateMs ?? 0,
    ...(request.signal ? { signal: request.signal } : {}),
  });

  async function walkPages<T>(
    request: PagedReadRequest<T>,
    first: QueryPairs,
    signal: AbortSignal,
  ): Promise<T[]> {
    const template = `GET ${pathTemplate(request.path)}`;
    const pageSize = Number(first.find(([k]) => k === "max")?.[1] ?? PAGE_SIZE);
    const guard = createLoopGuard();
    const items: T[] = [];
    let query: QueryPairs | null = first;
    let pagesDone = 0;
    while (query) {
      guard(query);
      const raw = await sendRead(request.path, query, request.priority, signal);
      const envelope = parse(PageDetailsEnvelopeSchema, raw, () => template);
      const list = (envelope as Record<string, unknown>)[request.itemsKey] ?? [];
      if (!Array.isArray(list)) {
        countMalformed(template, [{ path: [request.itemsKey] }]);
        throw new DattoError(
          "malformed",
          `Datto's answer to ${template} has no "${request.itemsKey}" list.`,
        );
      }
      const page: unknown[] = list;
      const bad: Array<{ path: PropertyKey[] }> = [];
      for (const [index, item] of page.entries()) {
        const result = request.itemSchema.safeParse(item);
        if (result.success) items.push(result.data);
        else bad.push({ path: [request.itemsKey, index, ...(result.error.issues[0]?.path ?? [])] });
      }
      if (bad.length > 0) countMalformed(template, bad, bad.length);
      pagesDone += 1;
      const total = envelope.pageDetails?.totalCount;
      request.onProgress?.({
        pagesDone,
        pagesTotal: total == null ? null : Math.max(pagesDone, Math.ceil(total / pageSize)),
        items: items.length,
      });
      query = page.length === 0 ? null : nextPageQuery(envelope.pageDetails?.nextPageUrl, first);
    }
    return items;
  }

  return {
    read<T>(request: ReadRequest<T>): Promise<Fresh<T>> {
      const pairs = toQueryPairs(request.query);
      const key = `${request.path}${queryString(pairs)}`;
      return cache.read(key, request.path, cacheOptions(request), async (signal) =>
        parse(
          request.schema,
          await sendRead(request.path, pairs, request.priority, signal),
          () => `GET ${pathTemplate(request.path)}`,
        ),
      );
    },
    readAllPages<T>(request: PagedReadRequest<T>): Promise<Fresh<T[]>> {
      const pairs = toQueryPairs({ max: PAGE_SIZE, ...request.query });
      const key = `pages:${request.itemsKey}:${request.path}${queryString(pairs)}`;
      return cache.read(key, request.path, cacheOptions(request), (signal) =>
        walkPages(request, pairs, signal),
      );
    },
    async write(request) {
      const template = `${request.method} ${pathTemplate(request.path)}`;
      const raw = await client.send({
        kind: "write",
        bucket: request.operation,
        method: request.method,
        path: request.path,
        query: [],
        body: request.body,
        priority: "interactive",
        ...(request.signal ? { signal: request.signal } : {}),
      });
      return parse(request.schema, raw, () => template);
    },
    invalidate: (prefix) => cache.invalidate(prefix),
    health(): GatewayHealth {
      const budgetStats = budget.stats();
      const upstream = tokens.isRejected()
        ? {
            state: "credentials-rejected" as const,
            detail:
              "Datto rejected the API key/secret. Check DATTO_API_KEY and DATTO_API_SECRET, and that API access is enabled for that Datto user.",
            blockedUntil: null,
          }
        : monitor.state();
      return {
        ...upstream,
        budget: { ...budgetStats, queued: budgetStats.queued + gate.stats().queued },
        token: tokens.stats(),
        cache: cache.stats(),
        malformedPayloads,
        lastSuccessAt: monitor.lastSuccessAt(),
        lastErrorAt: monitor.lastErrorAt(),
      };
    },
  };
}
