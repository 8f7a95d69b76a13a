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

describe("logger masking of encoded secrets", () => {
  const key = "KEY-7f3a9c1e55d04b2a";
  const secret = "SEC/ret+with space&=";

  it("masks URL-encoded forms (form bodies, query strings)", () => {
    const logger = createMemoryLogger([key, secret]);
    const body = new URLSearchParams({ grant_type: "password", username: key, password: secret });
    logger.warn("token request", {
      body: body.toString(),
      url: `?p=${encodeURIComponent(secret)}`,
    });
    const line = logger.lines[0]!;
    expect(line).not.toContain(key);
    expect(line).not.toContain(encodeURIComponent(secret));
    expect(line).not.toContain("SEC%2Fret%2Bwith+space"); // the form encoding of the secret
    expect(line).toContain("grant_type=password");
  });

  it("masks base64 and base64url forms, wherever the secret starts inside the encoded text", () => {
    const logger = createMemoryLogger([key, secret]);
    for (const prefix of ["", "a", "ab", "abc:", "user:"]) {
      const raw = Buffer.from(`${prefix}${key}:${secret}`);
      logger.warn("header", {
        basic: `Basic ${raw.toString("base64")}`,
        url: raw.toString("base64url"),
      });
    }
    for (const line of logger.lines) {
      const fields = JSON.parse(line) as { basic: string; url: string };
      for (const encoded of [fields.basic.slice(6), fields.url]) {
        const decoded = Buffer.from(encoded.replace(/\[redacted\]/g, ""), "base64").toString(
          "latin1",
        );
        expect(decoded).not.toContain(key);
        expect(decoded).not.toContain(secret);
      }
      expect(line).toContain("[redacted]");
    }
  });
});
