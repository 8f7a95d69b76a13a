import { z } from "zod";
import type { Clock } from "../../lib/clock";
import type { Logger } from "../../lib/logger";
import { DattoError } from "./datto-error";
import { createDeadline, raceSignal } from "./deadline";

const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().nullish(),
});

/** The fixed public OAuth client every Datto API user shares (API.md §2). */
const PUBLIC_CLIENT_BASIC = `Basic ${btoa("public-client:public")}`;
const DEFAULT_LIFETIME_MS = 100 * 3_600_000;
const REJECTED_RETRY_MS = 60_000;

export interface TokenManagerOptions {
  tokenUrl: string;
  apiKey: string;
  apiSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
  /** Several instances (REDIS_URL): one token for all of them, fetched once (server/coord/). */
  shared?: SharedTokenStore;
}

export interface Token {
  value: string;
  obtainedAt: number;
  expiresAt: number;
}

/**
 * Where instances keep the token they share. `obtain` returns a fresh stored token, or runs
 * `request` on one instance at a time (the others wait for what it stores); `drop` forgets a
 * token Datto refused (401), unless another instance has already replaced it.
 */
export interface SharedTokenStore {
  obtain(request: () => Promise<Token>, isFresh: (token: Token) => boolean): Promise<Token>;
  drop(value: string): Promise<void>;
}

/**
 * One token for the whole process. Renewed shortly before expiry and after a 401; concurrent askers
 * share one request (single flight). Rejected credentials are a configuration error: further
 * callers fail fast and the token endpoint is asked again at most once a minute.
 */
export function createTokenManager(options: TokenManagerOptions) {
  const { clock, logger } = options;
  let token: Token | null = null;
  let inFlight: Promise<Token> | null = null;
  let rejectedAt: number | null = null;
  let requests = 0;

  const rejectedError = () =>
    new DattoError(
      "credentials-rejected",
      "Datto rejected the API key/secret (token request refused). Check DATTO_API_KEY and DATTO_API_SECRET.",
      // The call itself was never sent; the token request already logged the rejection once.
      { retryAt: (rejectedAt ?? clock.now()) + REJECTED_RETRY_MS, notSent: true },
    );

  const isFresh = (t: Token) => {
    const margin = Math.min(300_000, (t.expiresAt - t.obtainedAt) * 0.1);
    return clock.now() < t.expiresAt - margin;
  };

  async function requestToken(): Promise<Token> {
    requests += 1;
    const deadline = createDeadline(
      clock,
      options.timeoutMs,
      () => new DattoError("timeout", "Datto token request timed out."),
    );
    const body = new URLSearchParams({
      grant_type: "password",
      username: options.apiKey,
      password: options.apiSecret,
    });
    try {
      let response: Response;
      try {
        response = await raceSignal(
          options.fetch(options.tokenUrl, {
            method: "POST",
            headers: {
              Authorization: PUBLIC_CLIENT_BASIC,
              "Content-Type": "application/x-www-form-urlencoded",
              Accept: "application/json",
            },
            body: body.toString(),
            // A redirect would resend the key and secret to whatever host it names: never follow.
            redirect: "manual",
            signal: deadline.signal,
          }),
          deadline.signal,
        );
      } catch (error) {
        if (error instanceof DattoError) throw error;
        throw new DattoError("down", "Datto token endpoint could not be reached.");
      }
      if (response.status === 400 || response.status === 401) {
        rejectedAt = clock.now();
        token = null;
        logger.error("datto credentials rejected", { status: response.status });
        throw rejectedError();
      }
      if (response.status === 429) {
        throw new DattoError("rate-limited", "Datto rate-limited the token request (429).", {
          status: 429,
        });
      }
      if (!response.ok) {
        throw new DattoError("upstream", `Datto token request failed (${response.status}).`, {
          status: response.status,
        });
      }
      const parsed = TokenResponseSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) {
        throw new DattoError("malformed", "Datto token response had an unexpected shape.");
      }
      rejectedAt = null;
      const now = clock.now();
      const lifetime = parsed.data.expires_in ? parsed.data.expires_in * 1000 : DEFAULT_LIFETIME_MS;
      logger.info("datto token obtained", { expiresInMs: lifetime });
      return { value: parsed.data.access_token, obtainedAt: now, expiresAt: now + lifetime };
    } finally {
      deadline.dispose();
    }
  }

  const inRejectedPause = () => rejectedAt !== null && clock.now() - rejectedAt < REJECTED_RETRY_MS;

  return {
    /** Throws at once while rejected credentials wait for their next (once a minute) try. */
    assertUsable() {
      if (!inFlight && inRejectedPause()) throw rejectedError();
    },
    /** A valid access token, asking Datto for one only when needed (one request for any number). */
    async get(signal?: AbortSignal): Promise<string> {
      if (token && isFresh(token)) return token.value;
      if (!inFlight) {
        if (inRejectedPause()) throw rejectedError();
        inFlight = (options.shared ? options.shared.obtain(requestToken, isFresh) : requestToken())
          .then((t) => (token = t))
          .finally(() => (inFlight = null));
      }
      return (await raceSignal(inFlight, signal)).value;
    },
    /** Drop this token (after a 401) unless it was already replaced by a newer one. */
    invalidate(value: string) {
      if (token?.value === value) token = null;
      options.shared?.drop(value).catch(() => {
        // Redis unreachable: the next instance to meet a 401 drops it again.
      });
    },
    isRejected: () => rejectedAt !== null,
    stats: () => ({
      ageMs: token ? clock.now() - token.obtainedAt : null,
      expiresInMs: token ? token.expiresAt - clock.now() : null,
      requests,
    }),
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
