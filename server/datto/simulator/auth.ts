import type { Context } from "hono";
import { rngFor, uuidFrom } from "./prng";
import type { SimCore } from "./sim-core";

/** Datto's fixed public OAuth client (API.md §2). */
const PUBLIC_CLIENT = `Basic ${btoa("public-client:public")}`;

export function tokenLifetime(core: SimCore): number {
  return Math.min(
    core.options.tokenLifetimeMs,
    core.profile.tokenLifetimeMs ?? Number.POSITIVE_INFINITY,
  );
}

/** POST /auth/oauth/token: the password grant with the API key and secret. */
export async function issueToken(c: Context, core: SimCore): Promise<Response> {
  if (c.req.header("authorization") !== PUBLIC_CLIENT) {
    return c.json(
      {
        error: "unauthorized",
        error_description: "Full authentication is required to access this resource",
      },
      401,
    );
  }
  const contentType = c.req.header("content-type") ?? "";
  const form = contentType.includes("application/x-www-form-urlencoded")
    ? new URLSearchParams(await c.req.text())
    : new URLSearchParams();
  const grant = form.get("grant_type");
  if (!grant)
    return c.json({ error: "invalid_request", error_description: "Missing grant type" }, 400);
  if (grant !== "password") {
    return c.json(
      { error: "unsupported_grant_type", error_description: `Unsupported grant type: ${grant}` },
      400,
    );
  }
  const { apiKey, apiSecret } = core.credentials;
  if (form.get("username") !== apiKey || form.get("password") !== apiSecret) {
    return c.json({ error: "invalid_grant", error_description: "Bad credentials" }, 400);
  }
  const now = core.clock.now();
  const lifetime = tokenLifetime(core);
  const token = uuidFrom(rngFor(core.options.seed, "token", core.tokenNumber++, now));
  for (const [old, rec] of core.tokens) if (rec.expiresAt <= now) core.tokens.delete(old);
  core.tokens.set(token, { issuedAt: now, expiresAt: now + lifetime });
  return c.json({
    access_token: token,
    token_type: "bearer",
    expires_in: Math.floor(lifetime / 1000),
    scope: "default",
    jti: uuidFrom(rngFor(token, "jti")),
  });
}

/** Null when the bearer token is good; otherwise the 401 Datto answers. */
export function checkBearer(c: Context, core: SimCore): Response | null {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    return c.json(
      {
        error: "unauthorized",
        error_description: "Full authentication is required to access this resource",
      },
      401,
    );
  }
  const token = core.tokens.get(match[1]);
  if (!token)
    return c.json({ error: "invalid_token", error_description: "Invalid access token" }, 401);
  // A scenario switched on later (token-expiry) shortens tokens already handed out.
  const expiresAt = Math.min(token.expiresAt, token.issuedAt + tokenLifetime(core));
  if (core.clock.now() >= expiresAt) {
    return c.json({ error: "invalid_token", error_description: "Access token expired" }, 401);
  }
  return null;
}
