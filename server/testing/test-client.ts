import type { SessionUser } from "../contract/auth";

/** The origin tests send requests to; the app treats it as its own. */
const TEST_ORIGIN = "http://localhost";

export type RequestInit = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is, with only the headers given: malformed or huge bodies JSON.stringify cannot make. */
  body?: string;
  /** A `rmmdeck_session=...` pair; none for an anonymous request. */
  cookie?: string | null;
  /** Extra or overriding headers (e.g. a cross-site Origin, a bearer token). */
  headers?: Record<string, string>;
  /** The client's socket address (the login throttle counts per address). */
  ip?: string;
};

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * Sends a request the way the SPA's browser does: same-origin (Origin and Sec-Fetch-Site), JSON
 * bodies, the cookie when given, from a fixed socket address.
 */
export function createSend(app: {
  request(url: string, init: globalThis.RequestInit, env: unknown): Response | Promise<Response>;
}): Send {
  return async (path, init = {}) => {
    const method = init.method ?? "GET";
    const headers: Record<string, string> = {
      "sec-fetch-site": "same-origin",
      ...(method === "GET" || method === "HEAD" ? {} : { origin: TEST_ORIGIN }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    };
    const body = init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
    const env = { incoming: { socket: { remoteAddress: init.ip ?? "192.0.2.10" } } };
    return app.request(`${TEST_ORIGIN}${path}`, { method, headers, body }, env);
  };
}

/** The `rmmdeck_session=...` pair from a response's Set-Cookie, or null. */
export function sessionCookieFrom(res: Response): string | null {
  const match = res.headers.get("set-cookie")?.match(/rmmdeck_session=([^;]*)/);
  return match && match[1] ? `rmmdeck_session=${match[1]}` : null;
}

/** A signed-in person: every request carries their cookie. */
export type TestClient = {
  user: SessionUser;
  cookie: string;
  request(path: string, init?: Omit<RequestInit, "cookie">): Promise<Response>;
  /** GET, failing the test unless it answers 200; the parsed JSON body. */
  getJson<T>(path: string): Promise<T>;
  post(path: string, json?: unknown): Promise<Response>;
  put(path: string, json: unknown): Promise<Response>;
  patch(path: string, json: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
};

export function createTestClient(send: Send, user: SessionUser, cookie: string): TestClient {
  const request = (path: string, init: Omit<RequestInit, "cookie"> = {}) =>
    send(path, { ...init, cookie });
  return {
    user,
    cookie,
    request,
    async getJson<T>(path: string) {
      const res = await request(path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    post: (path, json) =>
      request(path, { method: "POST", ...(json === undefined ? {} : { json }) }),
    put: (path, json) => request(path, { method: "PUT", json }),
    patch: (path, json) => request(path, { method: "PATCH", json }),
    delete: (path) => request(path, { method: "DELETE" }),
  };
}
