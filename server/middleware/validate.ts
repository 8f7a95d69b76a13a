import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { apiError } from "./errors";

/**
 * zValidator with our error shape: 400 `invalid_request` whose message names the field and says
 * what to fix, and the full issue list in `details`.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" ");
    return apiError(c, 400, "invalid_request", message || "The request is not valid.", issues);
  });
}
