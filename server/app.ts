import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { notFoundJson, onErrorJson } from "./middleware/errors";

/**
 * createApp(deps) builds the whole HTTP surface from its dependencies. Nothing here reads the
 * environment or opens files: main.ts wires real parts, tests wire temp stores and the simulator.
 */
export type AppDeps = Record<string, never>;

export function createApp(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const api = new Hono<AppEnv>().notFound(notFoundJson);
  const routes = app.route("/api", api);
  app.notFound(notFoundJson);
  app.onError(onErrorJson);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
