import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AgentToken } from "@server/contract/agents";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { PageSpinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api-client";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useRevokeAgentToken } from "../api/mutations";
import { agentTokenQueries } from "../api/queries";
import { CreateTokenDialog } from "./create-token-dialog";
import { ToolPolicies } from "./tool-policies";
import { TokensTable } from "./tokens-table";

/** /admin/agents: agent tokens with their permission groups and test mode, and the tool policies. */
export function AgentsPage() {
  useDocumentTitle("Agents");
  const tokens = useQuery(agentTokenQueries.list());
  const revoke = useRevokeAgentToken();
  const [isCreating, setIsCreating] = useState(false);
  const [revoking, setRevoking] = useState<AgentToken | null>(null);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Agents</h1>
        <Button variant="primary" onClick={() => setIsCreating(true)}>
          Create agent token
        </Button>
      </div>
      {revoke.error && <InlineAlert tone="danger">{errorMessage(revoke.error)}</InlineAlert>}
      <Card title="Agent tokens">
        {tokens.isPending ? (
          <PageSpinner label="Loading tokens…" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState title="No agent tokens yet">
            An agent connects to /mcp (or /api/agent/) with a token made here.
          </EmptyState>
        ) : (
          <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
        )}
      </Card>
      <ToolPolicies />
      <CreateTokenDialog open={isCreating} onClose={() => setIsCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke"
        tone="danger"
        isPending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })
        }
      >
        The agent holding it is refused from its next request. Its pending proposals fail when
        approved.
      </ConfirmDialog>
    </div>
  );
}
