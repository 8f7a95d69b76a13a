import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ApiError } from "../contract/errors";
import { apiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SAME_SITE_FETCH = new Set(["same-origin", "none"]);

/**
 * Refuses state-changing requests that a browser sent on behalf of another site, on top of the
 * SameSite=Strict session cookie (which older browsers and same-site subdomains get around).
 *
 * hono/csrf alone is not enough: it only checks requests whose Content-Type is a form type, so a
 * cross-site `fetch` with `text/plain` (or a Blob with no type) carrying JSON gets through. Here:
 * - `Sec-Fetch-Site` must be same-origin or none (typed into the address bar) when present;
 * - `Origin`, when present, must be the configured public origin (PUBLIC_URL) when there is one,
 *   and only then; otherwise the origin of the request URL, which comes from the Host header that
 *   a proxy or a DNS-rebinding attacker can set, so it is a fallback for plain local setups only;
 * - a body must be declared `application/json`, which no cross-site form or simple request can
 *   send without a CORS preflight (and we answer no preflight).
 * Clients that are not browsers send neither header and pass the first two checks: they hold no
 * victim's cookie, so there is nothing to forge.
 */
export function createCsrfMiddleware(options: { publicOrigin?: string | null } = {}) {
  const configured = options.publicOrigin ? new URL(options.publicOrigin).origin : null;
  return createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();

    const fetchSite = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const ownOrigin = configured ?? new URL(c.req.url).origin;
    const crossSite =
      (fetchSite !== undefined && !SAME_SITE_FETCH.has(fetchSite)) ||
      (origin !== undefined && origin !== ownOrigin);
    if (crossSite) {
      return apiError(
        c,
        403,
        "cross_site_refused",
        "This request came from another website and was refused. Use RMM Deck from its own address.",
      );
    }

    const type = c.req.header("content-type");
    const isJson = type?.split(";")[0]?.trim().toLowerCase() === "application/json";
    if ((type !== undefined || hasBody(c)) && !isJson) {
      const body: ApiError = {
        error: {
          code: "json_required",
          message: "Send the request body as JSON with the header Content-Type: application/json.",
        },
      };
      return c.json(body, 415);
    }
    return next();
  });
}

function hasBody(c: Context): boolean {
  const length = c.req.header("content-length");
  if (length !== undefined) return Number(length) > 0;
  return c.req.header("transfer-encoding") !== undefined;
}
