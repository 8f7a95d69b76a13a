// lint-as: server/routes/view-routes.ts
import { Hono } from "hono";
import type { AppEnv } from "../contract/actor";
import { refusalResponse } from "../middleware/refusal-response";
import type { Store } from "../store/port/store";
import type { SavedViews } from "../views/saved-views";

export const parts = { Hono, refusalResponse };
export type T = [AppEnv, Store, SavedViews];
