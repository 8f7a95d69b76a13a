import {
  GROUP_LABELS,
  PERMISSION_GROUPS,
  type AccessLevel,
  type AgentToken,
} from "@server/contract/agents";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { useUpdateAgentToken } from "../api/mutations";
import { LEVEL_OPTIONS } from "./group-options";

/** Every token: its groups (changed in place), test mode, expiry, last use; revoke. */
export function TokensTable({
  tokens,
  onRevoke,
}: {
  tokens: AgentToken[];
  onRevoke: (t: AgentToken) => void;
}) {
  const update = useUpdateAgentToken();
  const now = useNow();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-3 font-medium">Name</th>
            {PERMISSION_GROUPS.map((g) => (
              <th key={g} className="py-2 pr-3 font-medium">
                {GROUP_LABELS[g]}
              </th>
            ))}
            <th className="py-2 pr-3 font-medium">Test mode</th>
            <th className="py-2 pr-3 font-medium">Expires</th>
            <th className="py-2 pr-3 font-medium">Last used</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const revoked = t.revokedAt !== null;
            const expired = t.expiresAt !== null && t.expiresAt <= now;
            return (
              <tr key={t.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2 pr-3">
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-slate-500">{t.hint}…</div>
                  {revoked && <Badge tone="neutral">revoked</Badge>}
                  {!revoked && expired && <Badge tone="neutral">expired</Badge>}
                </td>
                {PERMISSION_GROUPS.map((g) => (
                  <td key={g} className="py-2 pr-3">
                    <Select
                      aria-label={`${GROUP_LABELS[g]} for ${t.name}`}
                      className="w-36"
                      options={LEVEL_OPTIONS}
                      value={t.groups[g]}
                      disabled={revoked || update.isPending}
                      onChange={(e) =>
                        update.mutate({ id: t.id, groups: { [g]: e.target.value as AccessLevel } })
                      }
                    />
                  </td>
                ))}
                <td className="py-2 pr-3">
                  <input
                    type="checkbox"
                    aria-label={`Test mode for ${t.name}`}
                    checked={t.testMode}
                    disabled={revoked || update.isPending}
                    onChange={(e) => update.mutate({ id: t.id, testMode: e.target.checked })}
                  />
                </td>
                <td className="py-2 pr-3">{t.expiresAt ? formatDateTime(t.expiresAt) : "never"}</td>
                <td className="py-2 pr-3">
                  {t.lastUsedAt ? formatRelativeTime(t.lastUsedAt, now) : "never"}
                </td>
                <td className="py-2">
                  {!revoked && (
                    <Button size="sm" variant="danger" onClick={() => onRevoke(t)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
