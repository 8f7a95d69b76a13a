/**
 * What a use-case answers: `{ ok: true, ...result }`, or a refusal saying why not. Every way in
 * maps a refusal the same way (routes: server/middleware/refusal-response.ts). Datto failures are
 * not refusals: they are thrown as DattoError and mapped where the adapter maps them.
 */
export type RefusalReason =
  "invalid" | "forbidden" | "not-found" | "conflict" | "upstream-unavailable";

export type Refusal = {
  ok: false;
  reason: RefusalReason;
  /** Stable, for programs: `last_admin`, `username_taken`... */
  code: string;
  /** For a person: what happened and what to do. */
  message: string;
  details?: unknown;
};

export type Outcome<T extends object = object> = ({ ok: true } & T) | Refusal;

export const refusal = (
  reason: RefusalReason,
  code: string,
  message: string,
  details?: unknown,
): Refusal => ({ ok: false, reason, code, message, ...(details === undefined ? {} : { details }) });
