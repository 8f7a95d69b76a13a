import type { SessionUser } from "./contract/auth";

/**
 * Hono context variables set by middleware and read by routes. The auth middleware's AuthEnv
 * (server/auth/auth-env.ts) carries the same ones.
 */
export type AppEnv = {
  Variables: {
    requestId: string;
    user: SessionUser | null;
    sessionId: string | null;
  };
};
