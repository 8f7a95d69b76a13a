import type { ComponentType } from "react";
import type { Permission } from "@server/contract/permissions";
import { PendingBadge } from "@/features/approvals/components/pending-badge";

/**
 * Every screen inside the signed-in shell, in nav order. To add a screen, add one entry here:
 * the route, its permission check and (with `nav`) its nav item all follow from it. Components
 * load lazily so each screen is its own chunk.
 */
export type ShellRoute = {
  /** Relative to "/", e.g. "devices" or "devices/:deviceUid". */
  path: string;
  /**
   * The permission the screen needs (the server's table, server/contract/permissions.ts): the nav
   * hides it from people without it, the route refuses them. Usually what the screen's main read or
   * write needs on the server, so the screen and its data agree.
   */
  needs: Permission;
  /** Present when the screen has a nav item; `to` defaults to "/" + path. */
  nav?: { label: string; to?: string; badge?: ComponentType };
  load: () => Promise<ComponentType>;
};

export const shellRoutes: readonly ShellRoute[] = [
  // Issue 9: the alert triage queue.
  {
    path: "alerts",
    needs: "fleet:read",
    nav: { label: "Alerts" },
    load: () => import("@/features/alert-queue/components/alerts-page").then((m) => m.AlertsPage),
  },
  // Issue 4 (fleet browsers): sites, devices, device pages and the software search.
  {
    path: "sites",
    needs: "fleet:read",
    nav: { label: "Sites" },
    load: () => import("@/features/sites/components/sites-page").then((m) => m.SitesPage),
  },
  {
    path: "sites/:siteUid",
    needs: "fleet:read",
    load: () => import("@/features/sites/components/site-page").then((m) => m.SitePage),
  },
  {
    path: "devices",
    needs: "fleet:read",
    nav: { label: "Devices" },
    load: () => import("@/features/devices/components/devices-page").then((m) => m.DevicesPage),
  },
  {
    path: "devices/:deviceUid",
    needs: "fleet:read",
    load: () => import("@/features/device-detail/components/device-page").then((m) => m.DevicePage),
  },
  {
    path: "software",
    needs: "fleet:read",
    nav: { label: "Software" },
    load: () =>
      import("@/features/software-search/components/software-search-page").then(
        (m) => m.SoftwareSearchPage,
      ),
  },
  // Issue 10: the job launcher, the history and a run's page.
  {
    path: "jobs",
    needs: "fleet:read",
    nav: { label: "Jobs" },
    load: () => import("@/features/jobs/components/jobs-page").then((m) => m.JobsPage),
  },
  {
    path: "jobs/new",
    needs: "jobs:run",
    load: () =>
      import("@/features/jobs/components/job-launcher-page").then((m) => m.JobLauncherPage),
  },
  {
    path: "jobs/:jobId",
    needs: "fleet:read",
    load: () => import("@/features/jobs/components/job-run-page").then((m) => m.JobRunPage),
  },
  // Issue 11 (agents under policy): the approval queue, the audit log, agent tokens and settings.
  {
    path: "approvals",
    needs: "proposals:decide",
    nav: { label: "Approvals", badge: PendingBadge },
    load: () =>
      import("@/features/approvals/components/approvals-page").then((m) => m.ApprovalsPage),
  },
  {
    path: "audit",
    needs: "events:read",
    nav: { label: "Audit" },
    load: () => import("@/features/audit/components/audit-page").then((m) => m.AuditPage),
  },
  {
    path: "admin/agents",
    needs: "agent-tokens:manage",
    nav: { label: "Agents" },
    load: () => import("@/features/agents/components/agents-page").then((m) => m.AgentsPage),
  },
  {
    path: "admin/settings",
    needs: "settings:manage",
    nav: { label: "Settings" },
    load: () => import("@/features/settings/components/settings-page").then((m) => m.SettingsPage),
  },
  {
    path: "admin/users",
    needs: "users:manage",
    nav: { label: "Users" },
    load: () => import("@/features/admin-users/components/users-page").then((m) => m.UsersPage),
  },
  // Issue 12 (NOC wall): the walls' links; the wall itself (/wall) is outside the shell.
  {
    path: "admin/walls",
    needs: "wall-tokens:manage",
    nav: { label: "Walls" },
    load: () => import("@/features/wall/components/wall-tokens-page").then((m) => m.WallTokensPage),
  },
];

/** Where "/" and a successful sign-in without `next` land. */
export const HOME_PATH = "/sites";
