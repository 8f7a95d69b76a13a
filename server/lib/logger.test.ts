import { describe, expect, it } from "vitest";
import { createLogger, createMemoryLogger } from "./logger";

describe("logger secret masking", () => {
  it("masks a plain secret wherever it appears", () => {
    const logger = createMemoryLogger(["s3cr3t-key"]);
    logger.warn("failed with s3cr3t-key", {
      header: "Bearer s3cr3t-key",
      nested: { k: "s3cr3t-key" },
    });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).not.toContain("s3cr3t");
    expect(logger.lines[0]).toContain("[redacted]");
  });

  it("masks a secret holding quotes, backslashes or control characters after JSON escaping", () => {
    const secrets = ['ab"cd\\ef', "tab\there", 'q"\\'.repeat(3)];
    const logger = createMemoryLogger(secrets);
    for (const secret of secrets) logger.error("upstream said", { body: `token=${secret};` });
    for (const line of logger.lines) {
      const parsed = JSON.parse(line) as { body: string };
      expect(parsed.body).toBe("token=[redacted];");
    }
    const text = logger.lines.join("\n");
    expect(text).not.toContain("cd\\\\ef");
    expect(text).not.toContain("tab\\there");
  });

  it("ignores secrets too short to mask safely and honours the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", secrets: ["abc"], write: (l) => lines.push(l) });
    logger.info("dropped");
    logger.warn("abc stays");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", message: "abc stays" });
  });
});
