import { afterEach, vi } from "vitest";

// Any console.error during a server test fails it: an error logged is a bug until shown otherwise.
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  const seen = errors;
  errors = [];
  vi.useRealTimers();
  if (seen.length > 0)
    throw new Error(`console.error was called during the test: ${String(seen[0]?.[0])}`);
});
