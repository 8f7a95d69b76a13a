import { createMiddleware } from "hono/factory";

/**
 * Every API answer is one person's view of their fleet (device lists, CSV exports, user lists):
 * no browser, proxy or shared cache may keep a copy. A route that sets its own Cache-Control keeps it.
 */
export const noStore = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
});
