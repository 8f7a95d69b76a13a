import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { PROPOSAL_STATE_LABELS, type Proposal } from "@server/contract/proposals";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { PageSpinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api-client";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";
import { useDecideProposal } from "../api/mutations";
import { proposalQueries } from "../api/queries";
import { ProposalCard, type DecideHandler } from "./proposal-card";
import { ProposalHistory } from "./proposal-history";
import { useNotificationOptIn } from "./proposal-notifications";
import { actionText } from "./proposal-text";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** /approvals: what agents propose, waiting for an approver; a approves and d rejects the selected one. */
export function ApprovalsPage() {
  useDocumentTitle("Approvals");
  const pending = useQuery(proposalQueries.pending());
  const decide = useDecideProposal();
  const now = useNow(1_000);
  const notifications = useNotificationOptIn();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const list = pending.data?.proposals ?? [];
  const selected = list.find((p) => p.id === selectedId) ?? list[0] ?? null;

  const onDecide: DecideHandler = (p, decision, comment) => {
    decide.mutate(
      { id: p.id, decision, comment, digest: p.digest },
      {
        onSuccess: (after: Proposal) =>
          setNotice({
            tone:
              after.state === "failed" || after.state === "outcome_unknown" ? "danger" : "success",
            text: `${actionText(p)}: ${PROPOSAL_STATE_LABELS[after.state]}${after.error ? ` (${after.error})` : ""}.`,
          }),
        onError: (error) => setNotice({ tone: "danger", text: errorMessage(error) }),
      },
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        !selected ||
        decide.isPending ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTyping(event.target)
      )
        return;
      if (event.key === "a") onDecide(selected, "approve", "");
      else if (event.key === "d") onDecide(selected, "reject", "");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Approvals</h1>
        {notifications.isSupported && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={notifications.isOn}
              onChange={(e) => void notifications.set(e.target.checked)}
            />
            Browser notification for each new proposal
          </label>
        )}
      </div>
      {notice && <InlineAlert tone={notice.tone}>{notice.text}</InlineAlert>}
      <Card title={`Waiting for a decision${list.length ? ` (${list.length})` : ""}`}>
        {pending.isPending ? (
          <PageSpinner label="Loading proposals…" />
        ) : pending.isError ? (
          <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState title="Nothing to decide">
            What agents propose appears here as they ask.
          </EmptyState>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Select a proposal, then press <kbd>a</kbd> to approve or <kbd>d</kbd> to reject. An
              approval runs the action once.
            </p>
            {list.map((p) => (
              <ProposalCard
                key={p.id}
                proposal={p}
                now={now}
                isSelected={selected?.id === p.id}
                isBusy={decide.isPending && decide.variables?.id === p.id}
                onSelect={() => setSelectedId(p.id)}
                onDecide={onDecide}
              />
            ))}
          </div>
        )}
      </Card>
      <ProposalHistory />
    </div>
  );
}
