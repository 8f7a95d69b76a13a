import { createMiddleware } from "hono/factory";
import { clearSessionCookie, readSessionCookie } from "../auth/session-cookie";
import { createSessionManager, type SessionPolicy } from "../auth/session-manager";
import type { AppEnv, PersonActor, TokenActor } from "../contract/actor";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";

/**
 * Turns a bearer token into the agent or wall holding it, or null when no such token exists.
 * Agent tokens (approvals) and wall tokens (the wall) fill this in; until then nobody holds one.
 */
export type TokenResolver = (token: string) => Promise<TokenActor | null>;

const noTokens: TokenResolver = async () => null;

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Sets `actor` for every request. `Authorization: Bearer <token>` names an agent or a wall (and
 * the cookie is then ignored); otherwise the session cookie names a person. Null when neither
 * resolves. A cookie for an ended session is cleared. The user is read fresh each time, so a role
 * change or disabling takes effect on the next request.
 */
export function createActorMiddleware(deps: {
  store: Pick<Store, "sessions" | "users">;
  clock: Clock;
  secureCookies: boolean;
  policy?: Partial<SessionPolicy>;
  resolveToken?: TokenResolver;
}) {
  const sessions = createSessionManager(deps);
  const resolveToken = deps.resolveToken ?? noTokens;
  return createMiddleware<AppEnv>(async (c, next) => {
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization.trim())?.[1];
      c.set("actor", token ? await resolveToken(token) : null);
      return next();
    }
    const cookie = readSessionCookie(c);
    const resolved = cookie ? await sessions.resolve(cookie) : null;
    const person: PersonActor | null = resolved && {
      kind: "person",
      userId: resolved.user.id,
      username: resolved.user.username,
      role: resolved.user.role,
      sessionId: resolved.sessionId,
    };
    c.set("actor", person);
    if (cookie && !resolved) clearSessionCookie(c, deps.secureCookies);
    await next();
  });
}
