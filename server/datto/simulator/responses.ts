import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { malform } from "./malformed";
import { pageEnvelope, readPageRequest } from "./paging";
import type { SimCore } from "./sim-core";

/** A response the in-process fetch turns into a rejected promise (and the CLI into a reset socket). */
export const DROP_HEADER = "x-simulator-drop-connection";

/** Spring Boot's error body, which Datto's API answers with. */
export function dattoError(
  c: Context,
  core: SimCore,
  status: ContentfulStatusCode,
  error: string,
  message: string,
) {
  return c.json(
    { timestamp: core.clock.now(), status, error, message, path: new URL(c.req.url).pathname },
    status,
  );
}

export const notFound = (c: Context, core: SimCore, what: string) =>
  dattoError(c, core, 404, "Not Found", `${what} not found`);

export const badRequest = (c: Context, core: SimCore, message: string) =>
  dattoError(c, core, 400, "Bad Request", message);

export function sendJson(c: Context, core: SimCore, kind: string, body: unknown) {
  return c.json(core.profile.malformed ? malform(kind, body) : body, 200);
}

export function sendPage<T, U>(
  c: Context,
  core: SimCore,
  key: string,
  items: readonly T[],
  map: (item: T) => U,
) {
  const envelope = pageEnvelope(
    key,
    items,
    readPageRequest((k) => c.req.query(k)),
    core.options.publicBaseUrl,
    new URL(c.req.url).pathname,
    map,
  );
  return sendJson(c, core, `page:${key}`, envelope);
}
