import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { errorMessage } from "@/lib/api-client";
import { formatRelativeTime } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import type { RefreshOutcome } from "./refresh-outcome";

export type RefreshState = {
  refresh: () => void;
  isPending: boolean;
  outcome: RefreshOutcome | undefined;
  error: unknown;
};

/** "Refresh from Datto" and what came of it: when the data was read, or why it could not be. */
export function RefreshButton(props: { state: RefreshState }) {
  const { refresh, isPending } = props.state;
  return (
    <Button size="sm" isPending={isPending} onClick={refresh}>
      {isPending ? "Refreshing…" : "Refresh from Datto"}
    </Button>
  );
}

export function RefreshResult(props: { state: RefreshState }) {
  const now = useNow(10_000);
  const { outcome, error, isPending } = props.state;
  if (isPending) return null;
  if (error) {
    return <InlineAlert title="Refresh from Datto failed">{errorMessage(error)}</InlineAlert>;
  }
  if (!outcome) return null;
  if (outcome.stale) {
    return (
      <InlineAlert tone="warning" title="Datto could not be read">
        {outcome.reason ?? "The copy shown is from before."} Shown: data as of{" "}
        {formatRelativeTime(outcome.fetchedAt, now)}.
      </InlineAlert>
    );
  }
  return (
    <InlineAlert tone="success">
      Refreshed from Datto {formatRelativeTime(outcome.fetchedAt, now)}.
    </InlineAlert>
  );
}
