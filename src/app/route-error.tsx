import { isRouteErrorResponse, useRouteError } from "react-router";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { NotFound } from "./not-found";

/** Error boundary for routes: a screen that crashes says so and offers a reload, inside the shell. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  // A failed lazy import usually means a new version was deployed: a reload picks it up.
  const isChunkError = error instanceof TypeError && /import/i.test(error.message);
  return (
    <div className="mx-auto max-w-xl space-y-3 p-6">
      <ErrorState
        title={isChunkError ? "This screen could not be loaded" : "This screen stopped working"}
        error={error}
        message={
          isChunkError
            ? "RMM Deck may have been updated. Reload the page to get the new version."
            : undefined
        }
      />
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </div>
  );
}
