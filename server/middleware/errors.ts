import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiError } from "../contract/errors";

export function apiError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504,
  code: string,
  message: string,
  details?: unknown,
) {
  const body: ApiError = {
    error: { code, message, ...(details === undefined ? {} : { details }) },
  };
  return c.json(body, status);
}

export const notFoundJson: NotFoundHandler = (c) =>
  apiError(c, 404, "not_found", `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`);

export const onErrorJson: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) {
    return apiError(c, err.status as 400, "http_error", err.message || "Request refused.");
  }
  // Never echo internal error text: it may carry upstream payloads. The log has the details.
  console.error("unhandled error", err instanceof Error ? err.stack : err);
  return apiError(c, 500, "internal", "Something went wrong on the server. The error was logged.");
};
