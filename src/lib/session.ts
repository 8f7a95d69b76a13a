import { queryOptions } from "@tanstack/react-query";
import { createContext, use } from "react";
import { MeSchema, type SessionUser } from "@server/contract/auth";
import { ROLE_PERMISSIONS, type Permission } from "@server/contract/permissions";
import { client, isApiRequestError, parseResponse } from "./api-client";

/**
 * The signed-in user, shared by the shell and every feature (features cannot import features/auth).
 * The "me" query answers null when nobody is signed in, so a 401 is a state, not an error.
 */
export const sessionQueries = {
  all: () => ["auth"] as const,
  me: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), "me"] as const,
      queryFn: async ({ signal }): Promise<SessionUser | null> => {
        try {
          const res = await client.api.me.$get({}, { init: { signal } });
          const { user } = await parseResponse(res, MeSchema);
          return user;
        } catch (error) {
          if (isApiRequestError(error, 401)) return null;
          throw error;
        }
      },
      staleTime: 5 * 60_000,
    }),
};

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user. Only valid inside the signed-in part of the app (the shell). */
export function useCurrentUser(): SessionUser {
  const user = use(SessionContext);
  if (!user) throw new Error("useCurrentUser() is only available inside the signed-in shell.");
  return user;
}

/**
 * What the signed-in person may do: their role's permissions in the server's own table
 * (server/contract/permissions.ts), so the screens ask what the server will check. /api/me answers
 * the role only; the table is shared, so both sides derive the same list from it.
 */
export function permissionsOf(user: SessionUser): readonly Permission[] {
  return ROLE_PERMISSIONS[user.role];
}

export function usePermissions(): readonly Permission[] {
  return permissionsOf(useCurrentUser());
}

/** Whether the signed-in person holds `permission`. Ask this, not for a role. */
export function useCan(permission: Permission): boolean {
  return usePermissions().includes(permission);
}

/** Where to send someone who must sign in first; `next` brings them back afterwards. */
export function loginPath(next?: string): string {
  if (!next || next === "/" || next.startsWith("/login")) return "/login";
  return `/login?next=${encodeURIComponent(next)}`;
}
