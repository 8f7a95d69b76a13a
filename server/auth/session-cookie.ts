import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const SESSION_COOKIE = "rmmdeck_session";

/**
 * HttpOnly keeps the id away from scripts; SameSite=Strict keeps browsers from sending it on any
 * cross-site request (the first CSRF defence, the csrf middleware is the second).
 */
export function setSessionCookie(c: Context, token: string, secure: boolean, maxAgeMs: number) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Strict", path: "/", secure });
}

export const readSessionCookie = (c: Context): string | null =>
  getCookie(c, SESSION_COOKIE) ?? null;
