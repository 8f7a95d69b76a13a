import { errorMessage, isRetryable } from "@/lib/api-client";
import { Button } from "./button";

/**
 * A failed load: what happened, in the server's words, and a way to try again when trying again
 * can help (never for a refused request such as an invalid id).
 */
export function ErrorState({
  title = "This could not be loaded",
  error,
  message,
  onRetry,
}: {
  title?: string;
  error?: unknown;
  /** Overrides the text derived from `error`. */
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 px-6 py-6 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{message ?? errorMessage(error)}</p>
      {onRetry && isRetryable(error) && (
        <Button className="mt-3" size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
