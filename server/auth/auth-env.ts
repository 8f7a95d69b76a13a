import type { SessionUser } from "../contract/auth";

/**
 * The context variables the auth middleware sets. server/app-env.ts (AppEnv) carries the same
 * ones, so routes typed with AppEnv can read them.
 */
export type AuthEnv = {
  Variables: {
    user: SessionUser | null;
    sessionId: string | null;
    requestId: string;
  };
};
