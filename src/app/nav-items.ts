import type { ComponentType } from "react";
import { roleAtLeast, type Role } from "@server/contract/roles";
import { shellRoutes } from "./routes";

export type NavItem = { to: string; label: string; minRole: Role; badge?: ComponentType };

/** The nav items, derived from the route list so a screen and its link cannot drift apart. */
export const navItems: readonly NavItem[] = shellRoutes.flatMap((route) =>
  route.nav
    ? [
        {
          to: route.nav.to ?? `/${route.path}`,
          label: route.nav.label,
          minRole: route.minRole,
          ...(route.nav.badge ? { badge: route.nav.badge } : {}),
        },
      ]
    : [],
);

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => roleAtLeast(role, item.minRole));
}
