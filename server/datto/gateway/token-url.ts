/**
 * The token endpoint sits beside /api, not under it (API.md §1): strip the final "/api" path
 * segment. Never split on the text "api": hosts such as pinotage-api.centrastage.net contain it.
 */
export function tokenUrlFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  const segments = url.pathname.replace(/\/+$/, "").split("/");
  if (segments[segments.length - 1] === "api") segments.pop();
  return `${url.origin}${segments.join("/")}/auth/oauth/token`;
}

/** The API base without a trailing slash, so `${base}${"/v2/..."}` is always well formed. */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
