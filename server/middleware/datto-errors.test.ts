import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiErrorSchema } from "../contract/errors";
import { DattoError, type DattoErrorKind } from "../datto/gateway/datto-error";
import { dattoErrorResponse } from "./datto-errors";

function appThrowing(error: unknown) {
  return new Hono()
    .get("/", () => {
      throw error;
    })
    .onError((err, c) => dattoErrorResponse(c, err) ?? c.json({ fallthrough: true }, 500));
}

async function answer(error: unknown) {
  const response = await appThrowing(error).request("/");
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("dattoErrorResponse", () => {
  const cases: Array<[DattoErrorKind, number, string]> = [
    ["not-found", 404, "not_found"],
    ["bad-request", 422, "datto_rejected"],
    ["conflict", 409, "datto_conflict"],
    ["forbidden", 403, "datto_forbidden"],
    ["rate-limited", 503, "upstream_rate_limited"],
    ["blocked", 503, "upstream_blocked"],
    ["credentials-rejected", 503, "datto_credentials_rejected"],
    ["timeout", 504, "upstream_timeout"],
    ["down", 502, "upstream_unavailable"],
    ["upstream", 502, "upstream_unavailable"],
    ["malformed", 502, "upstream_malformed"],
  ];

  it.each(cases)("maps %s to %i %s", async (kind, status, code) => {
    const { status: got, body } = await answer(new DattoError(kind, "internal text"));
    expect(got).toBe(status);
    expect(ApiErrorSchema.parse(body).error.code).toBe(code);
  });

  it("carries retryAt for rate limiting and Datto's safe message for a rejected request", async () => {
    const retryAt = Date.UTC(2026, 10, 2, 10, 4);
    const limited = await answer(new DattoError("rate-limited", "x", { retryAt }));
    expect(ApiErrorSchema.parse(limited.body).error.details).toEqual({ retryAt });
    expect(JSON.stringify(limited.body)).toContain("2026-11-02T10:04:00.000Z");

    const rejected = await answer(
      new DattoError("bad-request", "x", {
        status: 400,
        upstreamMessage: "Failed to read request",
      }),
    );
    expect(ApiErrorSchema.parse(rejected.body).error.message).toContain("Failed to read request");
  });

  it("tells a person what to fix when the credentials are rejected", async () => {
    const { body } = await answer(new DattoError("credentials-rejected", "x"));
    expect(ApiErrorSchema.parse(body).error.message).toMatch(/DATTO_API_KEY and DATTO_API_SECRET/);
  });

  it("warns that a failed write may have been applied", async () => {
    const { body } = await answer(new DattoError("down", "x", { outcomeUnknown: true }));
    expect(ApiErrorSchema.parse(body).error.message).toMatch(/may or may not have been applied/);
  });

  it("returns null for errors that are not DattoErrors", async () => {
    const { status, body } = await answer(new Error("other"));
    expect(status).toBe(500);
    expect(body).toEqual({ fallthrough: true });
  });
});
