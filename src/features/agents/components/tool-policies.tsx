import { useQuery } from "@tanstack/react-query";
import {
  GROUP_LABELS,
  POLICY_LABELS,
  TOOL_POLICIES,
  type ToolPolicy,
} from "@server/contract/agents";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { PageSpinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api-client";
import { useSetToolPolicy } from "../api/mutations";
import { toolPolicyQueries } from "../api/queries";

const OPTIONS = TOOL_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }));

/** Per tool: Auto, Approval needed or Disabled, for every agent. */
export function ToolPolicies() {
  const policies = useQuery(toolPolicyQueries.list());
  const set = useSetToolPolicy();
  return (
    <Card title="Tool policies">
      {set.error && <InlineAlert tone="danger">{errorMessage(set.error)}</InlineAlert>}
      {policies.isPending ? (
        <PageSpinner label="Loading policies…" />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-2 pr-3 font-medium">Tool</th>
              <th className="py-2 pr-3 font-medium">Group</th>
              <th className="py-2 pr-3 font-medium">Policy</th>
              <th className="py-2 font-medium">Changed</th>
            </tr>
          </thead>
          <tbody>
            {policies.data.map((row) => (
              <tr key={row.tool} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2 pr-3 font-mono">
                  {row.tool}{" "}
                  {row.write && (
                    <span className="font-sans text-xs text-amber-700 dark:text-amber-300">
                      (write)
                    </span>
                  )}
                </td>
                <td className="py-2 pr-3">
                  {row.group ? GROUP_LABELS[row.group] : "own proposals"}
                </td>
                <td className="py-2 pr-3">
                  <Select
                    aria-label={`Policy for ${row.tool}`}
                    className="w-48"
                    options={OPTIONS}
                    value={row.policy}
                    disabled={set.isPending}
                    onChange={(e) =>
                      set.mutate({ tool: row.tool, policy: e.target.value as ToolPolicy })
                    }
                  />
                </td>
                <td className="py-2 text-slate-500">{row.updatedBy ?? "default"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
