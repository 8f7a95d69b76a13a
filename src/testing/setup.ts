import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetTestApp, server } from "./msw-server";

// Any console.error during a component test fails it (React warnings included).
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

// Two shared cores run many suites at once: give findBy/waitFor room before calling it a failure.
configure({ asyncUtilTimeout: 5_000 });

// Every /api/* request goes to the real server app; anything else unhandled fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(async () => {
  cleanup();
  await resetTestApp();
  const seen = errors;
  errors = [];
  if (seen.length > 0)
    throw new Error(`console.error was called during the test: ${String(seen[0]?.[0])}`);
});
afterAll(() => server.close());
