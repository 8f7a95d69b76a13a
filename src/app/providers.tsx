import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { createQueryClient } from "@/lib/query-client";
import { sessionQueries } from "@/lib/session";

/** The app's QueryClient: a 401 from any query or mutation signs the person out of the SPA. */
export function createAppQueryClient(): QueryClient {
  const queryClient: QueryClient = createQueryClient({
    onUnauthorized: () => queryClient.setQueryData(sessionQueries.me().queryKey, null),
  });
  return queryClient;
}

export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
