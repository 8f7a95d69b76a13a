import { http } from "msw";
import { setupServer } from "msw/node";
import { createTestApp } from "@server/testing/create-test-app";
import { createCookieJar } from "./cookie-jar";

/**
 * Browser tests talk to the REAL server app: one catch-all handler hands every /api/* request to
 * createTestApp() (temp SQLite store, demo users, the simulator as Datto). Happy paths go through
 * it; error cases are per-test overrides with server.use(...). The app is built on the first
 * request of a test and closed after it, so each test starts from a fresh store and no cookies.
 */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type TestAppOptions = NonNullable<Parameters<typeof createTestApp>[0]>;

const jar = createCookieJar();
let options: TestAppOptions = {};
let pending: Promise<TestApp> | null = null;

/** Options for this test's app (devices, scenario...); call before the test's first request. */
export function configureTestApp(next: TestAppOptions) {
  if (pending) throw new Error("configureTestApp() must run before the test's first request.");
  options = next;
}

/** This test's app (built on first use): reach its clock, store or simulator. */
export function getTestApp(): Promise<TestApp> {
  pending ??= createTestApp(options);
  return pending;
}

/** Sends a request to the real app as the browser would: with the jar's cookies. */
export async function forwardToApp(request: Request): Promise<Response> {
  const { app } = await getTestApp();
  const headers = new Headers(request.headers);
  const cookie = jar.header();
  if (cookie) headers.set("cookie", cookie);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const response = await app.fetch(
    new Request(request.url, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
    }),
  );
  jar.store(response.headers.getSetCookie());
  const outgoing = new Headers(response.headers);
  outgoing.delete("set-cookie"); // a browser never shows it to scripts either
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: outgoing,
  });
}

export const server = setupServer(http.all("*/api/*", ({ request }) => forwardToApp(request)));

/** After each test: drop overrides, cookies and the app (its temp store is deleted). */
export async function resetTestApp() {
  server.resetHandlers();
  jar.clear();
  options = {};
  const app = pending;
  pending = null;
  if (app) await (await app).close();
}
