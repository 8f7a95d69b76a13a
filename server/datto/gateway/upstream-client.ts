import type { ConcurrencyGate } from "./concurrency-gate";
import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import { DattoError } from "./datto-error";
import { createDeadline, type Deadline } from "./deadline";
import { pathTemplate, safeUpstreamMessage } from "./path-template";
import { queryString, type QueryPairs } from "./query-string";
import type { RateBudget } from "./rate-budget";
import { createRefusalLog } from "./refusal-log";
import type { TokenManager } from "./token-manager";
import type { Priority } from "./types";
import type { UpstreamMonitor } from "./upstream-monitor";

export interface UpstreamCall {
  kind: "read" | "write";
  /** "reads" or the write operation name: the budget bucket. */
  bucket: string;
  method: "GET" | "PUT" | "POST" | "DELETE";
  path: string;
  query: QueryPairs;
  body?: unknown;
  priority: Priority;
  signal?: AbortSignal;
}

export interface UpstreamClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
  tokens: TokenManager;
  budget: RateBudget;
  gate: ConcurrencyGate;
  monitor: UpstreamMonitor;
  timeoutMs: number;
  queueTimeoutMs: number;
  random: () => number;
  secrets: string[];
}

interface QueueDeadline {
  signal(): AbortSignal;
  dispose(): void;
}

/** "GET /v2/device/{id}": built only when a message needs it (errors, logs), not on every call. */
const templateOf = (call: UpstreamCall) => `${call.method} ${pathTemplate(call.path)}`;

const MAX_READ_RETRIES = 2;
const RETRY_BASE_MS = 500;

/**
 * Sends one logical call to Datto: waits for budget, attaches the token, enforces the deadline and
 * classifies the answer. Reads are retried (5xx, network) and re-tokened once after a 401; writes
 * are sent exactly once, whatever happens (a quick job created twice is a real incident).
 */
export function createUpstreamClient(options: UpstreamClientOptions) {
  const { clock, logger, tokens, budget, monitor, gate } = options;
  const refusals = createRefusalLog(clock, logger);

  async function attempt(call: UpstreamCall, queue: QueueDeadline): Promise<unknown> {
    monitor.peek();
    tokens.assertUsable();
    // Budget and gate are usually free: take them at once, and build the queue deadline only when
    // a call really has to wait (its timers and listeners cost ~30 µs a call).
    if (!budget.tryAcquire(call.bucket, call.priority)) {
      await budget.acquire(call.bucket, call.priority, queue.signal());
    }
    const leave = gate.tryAcquire() ?? (await gate.acquire(call.priority, queue.signal()));
    let admission: { isProbe: boolean; release: () => void };
    try {
      admission = monitor.admit();
    } catch (error) {
      leave();
      throw error;
    }
    const deadline = createDeadline(
      clock,
      options.timeoutMs,
      () =>
        new DattoError(
          "timeout",
          `Datto did not answer within ${options.timeoutMs} ms (${templateOf(call)}).`,
        ),
      [call.signal],
    );
    try {
      const token = await tokens.get(deadline.signal);
      const started = clock.now();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
      };
      if (call.body !== undefined) headers["Content-Type"] = "application/json";
      let response: Response;
      let text: string;
      try {
        response = await deadline.race(
          options.fetch(`${options.baseUrl}${call.path}${queryString(call.query)}`, {
            method: call.method,
            headers,
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            // Never fetch a host named in a response (API.md §4): a redirect is an error.
            redirect: "manual",
            signal: deadline.signal,
          }),
        );
        text = await deadline.race(response.text());
      } catch {
        if (deadline.signal.aborted) throw deadline.signal.reason;
        throw new DattoError("down", `Datto could not be reached (${templateOf(call)}).`);
      }
      return classify(call, response, text, token, clock.now() - started, admission.isProbe);
    } finally {
      admission.release();
      leave();
      deadline.dispose();
    }
  }

  function classify(
    call: UpstreamCall,
    response: Response,
    text: string,
    token: string,
    durationMs: number,
    isProbe: boolean,
  ): unknown {
    const status = response.status;
    if (status >= 200 && status < 300) {
      monitor.onSuccess(durationMs, isProbe);
      if (text.trim() === "") return null;
      try {
        return JSON.parse(text);
      } catch {
        throw new DattoError("malformed", `Datto answered ${templateOf(call)} with invalid JSON.`, {
          status,
        });
      }
    }
    const template = templateOf(call);
    if (status >= 300 && status < 400) {
      throw new DattoError(
        "upstream",
        `Datto answered ${template} with a redirect (${status}); not followed.`,
        {
          status,
        },
      );
    }
    if (status === 429) throw monitor.on429(response.headers.get("retry-after"));
    if (status === 403) {
      if (monitor.on403()) throw monitor.blockedError();
      throw new DattoError(
        "forbidden",
        `Datto refused ${template} (403): the API user lacks permission.`,
        { status },
      );
    }
    if (status >= 500) {
      throw new DattoError("upstream", `Datto answered ${status} to ${template}.`, { status });
    }
    monitor.onReachable(isProbe);
    if (status === 401) {
      tokens.invalidate(token);
      throw new DattoError("upstream", `Datto refused the session token for ${template} (401).`, {
        status,
      });
    }
    if (status === 404)
      throw new DattoError("not-found", `Datto has no such object (${template}).`, { status });
    if (status === 409) {
      throw new DattoError("conflict", `Datto reported a concurrent change (${template}, 409).`, {
        status,
      });
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Plain text bodies are checked as they are.
    }
    const upstreamMessage = safeUpstreamMessage(body, [...options.secrets, token]);
    throw new DattoError("bad-request", `Datto rejected ${template} (${status}).`, {
      status,
      ...(upstreamMessage ? { upstreamMessage } : {}),
    });
  }

  const isRetryableRead = (error: unknown) =>
    error instanceof DattoError &&
    (error.kind === "down" || (error.kind === "upstream" && error.status !== 401));

  return {
    async send(call: UpstreamCall): Promise<unknown> {
      const queue = createQueueDeadline(call);
      let retokened = false;
      try {
        for (let retry = 0; ;) {
          try {
            return await attempt(call, queue);
          } catch (error) {
            if (!(error instanceof DattoError)) throw error;
            if (error.status === 401 && call.kind === "read" && !retokened) {
              retokened = true;
              continue;
            }
            if (call.kind === "read" && isRetryableRead(error) && retry < MAX_READ_RETRIES) {
              const delay = RETRY_BASE_MS * 2 ** retry * (0.5 + options.random());
              retry += 1;
              await clock.sleep(delay, queue.signal());
              continue;
            }
            throw finalError(call, templateOf(call), error);
          }
        }
      } finally {
        queue.dispose();
      }
    },
  };

  /**
   * How long a call may wait in total for budget, a gate slot and retry pauses, counted from the
   * start of send(); the deadline itself is only built when the call first has to wait.
   */
  function createQueueDeadline(call: UpstreamCall): QueueDeadline {
    const startedAt = clock.now();
    let deadline: Deadline | null = null;
    return {
      signal() {
        deadline ??= createDeadline(
          clock,
          options.queueTimeoutMs - (clock.now() - startedAt),
          // Our own budget is exhausted: not a sign that Datto is down, so not a "timeout".
          () =>
            new DattoError(
              "rate-limited",
              `Waited too long for a slot in the Datto budget (${templateOf(call)}).`,
              { notSent: true },
            ),
          [call.signal],
        );
        return deadline.signal;
      },
      dispose: () => deadline?.dispose(),
    };
  }

  function finalError(call: UpstreamCall, template: string, error: DattoError): DattoError {
    if (error.kind === "down" || error.kind === "upstream" || error.kind === "timeout") {
      monitor.onFailure(error.kind);
    }
    if (error.notSent) {
      refusals.record(error);
      return error;
    }
    if (error.status === 401) {
      logger.warn("datto refused the session token", { call: template });
      return call.kind === "write"
        ? new DattoError(
            "upstream",
            `Datto refused the session token for ${template} (401), so the write was not applied. A new token will be used next time: try it once more.`,
            { status: 401 },
          )
        : new DattoError("forbidden", `Datto refused ${template} even with a new token (401).`, {
            status: 401,
          });
    }
    if (call.kind === "write" && ["timeout", "down", "upstream"].includes(error.kind)) {
      logger.warn("datto write outcome unknown", { call: template, kind: error.kind });
      return new DattoError(
        error.kind,
        `${error.message} The write may or may not have been applied: check before trying again.`,
        { outcomeUnknown: true, ...(error.status === undefined ? {} : { status: error.status }) },
      );
    }
    logger.warn("datto call failed", { call: template, kind: error.kind, status: error.status });
    return error;
  }
}
