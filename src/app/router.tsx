import { Navigate, type RouteObject } from "react-router";
import { PageSpinner } from "@/components/ui/spinner";
import { NotFound } from "./not-found";
import { RequirePermission } from "./require-permission";
import { RequireSession } from "./require-session";
import { RouteError } from "./route-error";
import { HOME_PATH, shellRoutes } from "./routes";
import { AppShell } from "./shell/app-shell";

/**
 * The route tree, shared by the browser router (main.tsx) and the memory router in tests.
 * Screens live in routes.tsx; this file only arranges the frame around them.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      ErrorBoundary: RouteError,
      // Shown while the first screen's lazy chunk loads.
      HydrateFallback: () => <PageSpinner />,
      children: [
        {
          path: "/login",
          lazy: async () => ({
            Component: (await import("@/features/auth/components/login-page")).LoginPage,
          }),
        },
        {
          // The NOC wall: full screen, no shell, a wall token or a session (preview).
          path: "/wall",
          lazy: async () => ({
            Component: (await import("@/features/wall/components/wall-page")).WallPage,
          }),
        },
        {
          path: "/",
          Component: RequireSession,
          children: [
            {
              Component: AppShell,
              children: [
                { index: true, element: <Navigate to={HOME_PATH} replace /> },
                ...shellRoutes.map((route): RouteObject => ({
                  element: <RequirePermission needs={route.needs} />,
                  ErrorBoundary: RouteError,
                  children: [
                    { path: route.path, lazy: async () => ({ Component: await route.load() }) },
                  ],
                })),
                { path: "*", Component: NotFound },
              ],
            },
          ],
        },
      ],
    },
  ];
}
