import type { ComponentType } from "react";
import type { Permission } from "@server/contract/permissions";
import { shellRoutes } from "./routes";

export type NavItem = { to: string; label: string; needs: Permission; badge?: ComponentType };

/** The nav items, derived from the route list so a screen and its link cannot drift apart. */
export const navItems: readonly NavItem[] = shellRoutes.flatMap((route) =>
  route.nav
    ? [
        {
          to: route.nav.to ?? `/${route.path}`,
          label: route.nav.label,
          needs: route.needs,
          ...(route.nav.badge ? { badge: route.nav.badge } : {}),
        },
      ]
    : [],
);

/** The items a person holding `permissions` can open. */
export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => permissions.includes(item.needs));
}
