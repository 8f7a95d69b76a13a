import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiRequestError } from "./api-client";

export type QueryClientOptions = {
  /** Called when any query or mutation gets a 401: the session is gone. */
  onUnauthorized?: () => void;
};

/** Client errors (4xx) will not get better by asking again; server errors and network blips might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiRequestError(error) && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const handle = (error: unknown) => {
    if (isApiRequestError(error, 401)) onUnauthorized?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
