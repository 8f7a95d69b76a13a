import path from "node:path";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { importZones } from "./eslint/import-zones.js";

export default tseslint.config(
  {
    ignores: [
      "dist",
      "node_modules",
      "data",
      "test-results",
      "playwright-report",
      ".test-output",
      // Linted on purpose by scripts/lint-zones.test.ts, each as if it lived elsewhere.
      "scripts/lint-fixtures",
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // The layers (docs/architecture.md): who may import whom, by resolved path (eslint/import-zones.js).
    files: ["src/**/*.{ts,tsx}", "server/**/*.ts", "scripts/lint-fixtures/**/*.ts"],
    plugins: { zones: importZones, "import-x": importX },
    settings: {
      // no-cycle reads the files an import leads to: with TypeScript's parser, not espree.
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".json"],
          tsconfig: { configFile: path.resolve(import.meta.dirname, "tsconfig.json") },
        }),
      ],
    },
    rules: {
      "zones/imports": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // The SPA runs in the browser.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*"], message: "The SPA runs in the browser." }] },
      ],
    },
  },
  {
    // The simulator runs in-process, standalone and in the browser tests: no Node built-ins.
    files: ["server/datto/simulator/**/*.ts"],
    ignores: ["server/datto/simulator/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The simulator imports nothing from node:; inject it." },
          ],
        },
      ],
    },
  },
  {
    // Only the gateway talks to Datto: everything else asks the gateway (or the DattoApi over it).
    files: ["server/**/*.ts"],
    ignores: ["server/datto/gateway/**", "server/testing/**", "server/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.name='fetch'], CallExpression[callee.property.name='fetch'][callee.object.name=/^(globalThis|window|self)$/]",
          message:
            "Only server/datto/gateway calls fetch: go through the DattoApi so the budget, cache and token apply.",
        },
      ],
    },
  },
);
