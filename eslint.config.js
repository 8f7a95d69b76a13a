import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "data", "test-results", "playwright-report", ".test-output"] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // One-way imports: the SPA may import from server/ only the contract (and the AppType).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@server/*", "!@server/contract", "!@server/contract/*", "!@server/app-type"],
              message: "The SPA imports from server/ only contract/ and the AppType.",
            },
            {
              group: ["node:*"],
              message: "The SPA runs in the browser.",
            },
          ],
        },
      ],
    },
  },
  {
    // Features never import each other.
    files: ["src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/features/*"], message: "Features never import each other; lift shared code to src/components or src/lib." },
            { group: ["@server/*", "!@server/contract", "!@server/contract/*", "!@server/app-type"], message: "The SPA imports from server/ only contract/ and the AppType." },
          ],
        },
      ],
    },
  },
  {
    // The simulator runs in-process, standalone and in the browser tests: no Node built-ins.
    files: ["server/datto/simulator/**/*.ts"],
    ignores: ["server/datto/simulator/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: "The simulator imports nothing from node:; inject it." }] }],
    },
  },
);
