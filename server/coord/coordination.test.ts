import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../lib/logger";
import { freePort } from "../testing/server-process";
import { connectCoordination, CoordinationError } from "./coordination";

// No Redis needed: what happens when REDIS_URL names one that is not there.
describe("connecting to Redis (REDIS_URL)", () => {
  it("refuses to start with a clear message, rather than spend a budget of its own", async () => {
    const port = await freePort();
    const attempt = connectCoordination({
      url: `redis://:hunter2@127.0.0.1:${port}`,
      keyPrefix: "rmmd:",
      logger: createMemoryLogger(),
      limits: { reads: 450, writesPerOperation: 80, perPersonPerMinute: 120 },
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoordinationError);
    expect((error as Error).message).toMatch(
      /^Redis at REDIS_URL cannot be reached .*start Redis, or unset REDIS_URL to run one instance\.$/,
    );
    expect((error as Error).message).not.toContain("hunter2");
  });
});
