import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The lint rules that hold the layers in place, proven on small fixtures
 * (scripts/lint-fixtures/*.ts). Each fixture names the path it is linted as (`// lint-as:`) and the
 * one rule it must break (`// expect:`), or none when it must pass. The fixtures folder itself is
 * ignored by `npm run lint`.
 */
const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(root, "scripts", "lint-fixtures");
const eslint = new ESLint({ cwd: root });

const header = (code: string, key: string) =>
  new RegExp(`^// ${key}: (\\S+)$`, "m").exec(code)?.[1] ?? null;

const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => {
    const code = readFileSync(path.join(fixtures, name), "utf8");
    return { name, code, lintAs: header(code, "lint-as"), rule: header(code, "expect") };
  });

describe("lint zones", () => {
  it("has a fixture that fails and one that passes for the zones", () => {
    expect(cases.filter((c) => c.rule).length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => !c.rule).length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => !c.lintAs)).toEqual([]);
  });

  it.each(cases)("$name", async ({ code, lintAs, rule }) => {
    const filePath = path.join(root, lintAs!);
    expect(await eslint.isPathIgnored(filePath)).toBe(false);
    const [result] = await eslint.lintText(code, { filePath });
    const found = result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
    if (rule === null) expect(found).toEqual([]);
    else expect(found.map((f) => f.split(":")[0])).toEqual([rule]);
  });

  it("finds an import cycle", async () => {
    const cycle = new ESLint({ cwd: root, ignore: false });
    const results = await cycle.lintFiles([path.join(fixtures, "cycle")]);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.messages.map((m) => m.ruleId)).toEqual(["import-x/no-cycle"]);
    }
  });
});
