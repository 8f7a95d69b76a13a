/**
 * The browser's cookie jar for tests. The session cookie is HttpOnly, so jsdom's document.cookie
 * never sees it: the MSW handler stores Set-Cookie from the app and sends Cookie back, like a
 * browser would on same-origin requests. Path, domain and expiry dates are ignored; Max-Age=0 or
 * a past Expires deletes.
 */
export function createCookieJar(now: () => number = Date.now) {
  const cookies = new Map<string, string>();

  const store = (setCookieHeaders: readonly string[]) => {
    for (const header of setCookieHeaders) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const isExpired = attributes.some((attribute) => {
        const [key = "", raw = ""] = attribute.split("=");
        if (key.toLowerCase() === "max-age") return Number(raw) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(raw) <= now();
        return false;
      });
      if (isExpired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
  };

  const header = (): string | null =>
    cookies.size === 0 ? null : [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

  return { store, header, clear: () => cookies.clear(), has: (name: string) => cookies.has(name) };
}

export type CookieJar = ReturnType<typeof createCookieJar>;
