import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { Role } from "@server/contract/roles";
import { AppProviders, createAppQueryClient } from "@/app/providers";
import { createRoutes } from "@/app/router";
import { client, ensureOk } from "@/lib/api-client";
import { getTestApp } from "./msw-server";

/** The seeded demo accounts: username = role, password "demo" (server/auth/seed-demo-users.ts). */
export const DEMO_PASSWORD = "demo";

/** Signs in through the real API, so the MSW cookie jar holds a real session cookie. */
export async function signInAs(username: Role | (string & {}), password = DEMO_PASSWORD) {
  await ensureOk(await client.api.auth.login.$post({ json: { username, password } }));
}

export type RenderAppOptions = {
  /** Sign in as this demo user (or any seeded user with `password`) before rendering. */
  signedInAs?: Role | (string & {});
  password?: string;
};

/**
 * Renders the real providers and route tree at `path`, as the browser would after a page load.
 * Returns the user-event instance, the memory router (for its location) and the QueryClient.
 */
export async function renderApp(path = "/", options: RenderAppOptions = {}) {
  await getTestApp(); // built (and the fleet walked) before the clock of any findBy starts
  if (options.signedInAs) await signInAs(options.signedInAs, options.password);
  const queryClient = createAppQueryClient();
  // Retrying a failing request only delays what the test wants to see.
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const router = createMemoryRouter(createRoutes(), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}

/** The path (with search) the app is showing now. */
export function currentPath(router: ReturnType<typeof createMemoryRouter>): string {
  return router.state.location.pathname + router.state.location.search;
}
