import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores a versioned scrypt string with strong parameters and a random salt", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    const [scheme, N, r, p, salt, hash] = a.split("$");
    expect(scheme).toBe("scrypt");
    expect(Number(N)).toBeGreaterThanOrEqual(16384);
    expect([r, p]).toEqual(["8", "1"]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(hash!, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct hors", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("uses the parameters recorded in the string, so older hashes keep verifying", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("pw-one", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = ["scrypt", 1024, 8, 1, salt.toString("base64url"), key.toString("base64url")];
    expect(await verifyPassword("pw-one", stored.join("$"))).toBe(true);
    stored[1] = 2048;
    expect(await verifyPassword("pw-one", stored.join("$"))).toBe(false);
  });

  it("rejects malformed stored strings instead of throwing", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "scrypt$abc$8$1$c2FsdA$aGFzaA")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });

  it("the dummy check always fails", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
