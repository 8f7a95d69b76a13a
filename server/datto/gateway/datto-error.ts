/**
 * The one error type the gateway throws. Its message is safe to show and log: a status, a path
 * template and a sentence, never the key, the secret, the token or a raw upstream body.
 */
export type DattoErrorKind =
  | "credentials-rejected"
  | "rate-limited"
  | "blocked"
  | "forbidden"
  | "not-found"
  | "bad-request"
  | "conflict"
  | "upstream"
  | "timeout"
  | "down"
  | "malformed";

export interface DattoErrorOptions {
  status?: number;
  retryAt?: number;
  /** Datto's own explanation (e.g. for a 400), already checked to be short, plain text. */
  upstreamMessage?: string;
  /** A write that failed in a way that leaves its effect unknown (timeout, 5xx, dropped link). */
  outcomeUnknown?: boolean;
  /** Refused by our own pacing (a pause after 429, the 403 circuit, no budget slot): never sent. */
  notSent?: boolean;
}

export class DattoError extends Error {
  override name = "DattoError";
  readonly kind: DattoErrorKind;
  readonly status?: number;
  readonly retryAt?: number;
  readonly upstreamMessage?: string;
  readonly outcomeUnknown: boolean;
  readonly notSent: boolean;

  constructor(kind: DattoErrorKind, message: string, options: DattoErrorOptions = {}) {
    super(message);
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAt !== undefined) this.retryAt = options.retryAt;
    if (options.upstreamMessage !== undefined) this.upstreamMessage = options.upstreamMessage;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.notSent = options.notSent ?? false;
  }
}

/** Kinds after which a cached answer is better than an error (Datto unreachable, not "no"). */
export const UNAVAILABLE_KINDS: ReadonlySet<DattoErrorKind> = new Set([
  "rate-limited",
  "blocked",
  "down",
  "upstream",
  "timeout",
  "credentials-rejected",
]);
