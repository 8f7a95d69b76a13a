import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "../contract/actor";

/**
 * Serves the built SPA from `root` (vite's dist/): hashed assets with a long cache, and index.html
 * for every other non-API path so client-side routes survive a reload or a shared link.
 */
export function mountSpa(app: Hono<AppEnv>, root: string): void {
  const indexFile = path.join(root, "index.html");
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, "utf8");

  app.use(
    "/assets/*",
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", (c) => {
    const isApi = c.req.path.startsWith("/api/") || c.req.path === "/api";
    if (isApi || c.req.path.startsWith("/assets/")) return c.notFound();
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml);
  });
}
