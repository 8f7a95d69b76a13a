// lint-as: src/lib/api-client.ts
import type { AppType } from "@server/app-type";
import { ApiErrorSchema } from "@server/contract/errors";
import { hc } from "hono/client";

export const parts = { ApiErrorSchema, hc };
export type App = AppType;
