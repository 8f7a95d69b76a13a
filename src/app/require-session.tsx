import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { loginPath, SessionContext, sessionQueries } from "@/lib/session";

/**
 * The gate of the signed-in area. A 401 anywhere sets the "me" query to null, which lands here and
 * sends the person to /login with `next` pointing back to where they were.
 */
export function RequireSession() {
  const me = useQuery(sessionQueries.me());
  const location = useLocation();
  if (me.isPending) return <PageSpinner label="Checking your session…" />;
  if (me.isError) {
    return (
      <main className="mx-auto max-w-lg p-6">
        <ErrorState
          title="Could not check your session"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </main>
    );
  }
  if (!me.data) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return (
    <SessionContext value={me.data}>
      <Outlet />
    </SessionContext>
  );
}
