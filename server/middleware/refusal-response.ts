import type { Context } from "hono";
import type { Refusal, RefusalReason } from "../lib/outcome";
import { apiError } from "./errors";

const STATUS = {
  invalid: 400,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "upstream-unavailable": 502,
} as const satisfies Record<RefusalReason, number>;

/** A use-case's refusal as our API error: the status follows the reason, code and message pass. */
export const refusalResponse = (c: Context, refusal: Refusal) =>
  apiError(c, STATUS[refusal.reason], refusal.code, refusal.message, refusal.details);
