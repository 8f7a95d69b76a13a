import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../lib/logger";
import { createErrorHandler } from "./errors";

describe("createErrorHandler", () => {
  it("logs an unexpected error through the masking logger and tells the caller nothing of it", async () => {
    const secret = "datto-secret-value";
    const logger = createMemoryLogger([secret]);
    const app = new Hono()
      .get("/boom", () => {
        throw new Error(`upstream said: ${secret} <payload>`);
      })
      .onError(createErrorHandler(logger));

    const response = await app.request("/boom");
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("payload");
    expect(body).toContain("The error was logged");
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain("/boom");
    expect(logger.lines[0]).toContain("[redacted]");
    expect(logger.lines[0]).not.toContain(secret);
  });
});
