import { afterEach } from "vitest";
import { createTestApp, type TestApp, type TestAppOptions } from "./create-test-app";

/**
 * In a test file: `const testApp = testAppsClosedAfterEach({ devices: 20 })`, then
 * `await testApp()` in a test (its options go over the file's defaults). Every app it builds is
 * closed after its test.
 */
export function testAppsClosedAfterEach(defaults: TestAppOptions = {}) {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
  });
  return async (options: TestAppOptions = {}): Promise<TestApp> => {
    const t = await createTestApp({ ...defaults, ...options });
    apps.push(t);
    return t;
  };
}
