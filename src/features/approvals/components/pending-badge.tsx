import { useQuery } from "@tanstack/react-query";
import { proposalQueries } from "../api/queries";
import { useProposalNotifications } from "./proposal-notifications";

/**
 * The count of proposals waiting for a decision, beside "Approvals" in the navigation (shown to
 * approvers and admins only), and the browser notification for approvers who opted in.
 */
export function PendingBadge() {
  const pending = useQuery(proposalQueries.pending()).data;
  useProposalNotifications(pending?.proposals);
  const count = pending?.pending ?? 0;
  if (count === 0) return null;
  return (
    <span
      aria-label={`${count} pending`}
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-white"
    >
      {count}
    </span>
  );
}
