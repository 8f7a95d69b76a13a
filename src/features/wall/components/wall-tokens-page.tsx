import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CreatedWallToken, WallToken } from "@server/contract/wall";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { PageSpinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useRevokeWallToken, wallTokenQueries } from "../api/wall-token-queries";
import { CreateWallForm } from "./create-wall-form";

const head =
  "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";
const cell = "px-3 py-2 align-top";

/** The link of a wall just created: shown here once, never again. */
function NewWallLink({ created, onDone }: { created: CreatedWallToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <InlineAlert tone="success" title={`Wall "${created.wall.name}" created`}>
      <p>Open this link on the wall's screen. It is shown only now; the wall keeps it after.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label="Wall link"
          value={created.url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
        />
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(created.url).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </InlineAlert>
  );
}

/** /admin/walls: the NOC walls' links (issue 12). */
export function WallTokensPage() {
  useDocumentTitle("Walls");
  const walls = useQuery(wallTokenQueries.list());
  const revoke = useRevokeWallToken();
  const [created, setCreated] = useState<CreatedWallToken | null>(null);
  const [revoking, setRevoking] = useState<WallToken | null>(null);
  const now = Date.now();

  return (
    <div className="max-w-6xl space-y-6">
      <h1 className="text-xl font-semibold">Walls</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A wall link shows the NOC wall (open alerts, offline servers, sites, job failures,
        approvals, Datto health) on a screen with nobody signed in. It reads nothing else, never
        expires, and stops working within a minute of being revoked.
      </p>
      {created && <NewWallLink created={created} onDone={() => setCreated(null)} />}
      <Card title="New wall">
        <CreateWallForm onCreated={setCreated} />
      </Card>
      <Card title="Walls with a working link">
        {walls.isPending ? (
          <PageSpinner label="Loading walls…" />
        ) : walls.isError ? (
          <ErrorState error={walls.error} onRetry={() => void walls.refetch()} />
        ) : walls.data.walls.length === 0 ? (
          <EmptyState title="No walls yet" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Walls with a working link</caption>
              <thead>
                <tr>
                  {["Name", "Layout", "Created", "Last seen"].map((h) => (
                    <th key={h} scope="col" className={head}>
                      {h}
                    </th>
                  ))}
                  <th scope="col" className={`${head} text-right`}>
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {walls.data.walls.map((w) => (
                  <tr key={w.id} className="border-t border-slate-200 dark:border-slate-700">
                    <td className={`${cell} font-medium`}>{w.name}</td>
                    <td className={cell}>
                      {w.layout === "all" ? "All panels" : `Rotating, ${w.rotateSeconds} s`}
                    </td>
                    <td className={cell}>
                      {formatDateTime(w.createdAt)}
                      {w.createdBy ? ` by ${w.createdBy}` : ""}
                    </td>
                    <td className={cell}>{formatRelativeTime(w.lastUsedAt, now)}</td>
                    <td className={`${cell} text-right`}>
                      <Button size="sm" variant="danger" onClick={() => setRevoking(w)}>
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke wall "${revoking?.name ?? ""}"?`}
        confirmLabel="Revoke"
        tone="danger"
        isPending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) });
        }}
      >
        The wall shows "Access revoked" within a minute. A new link is needed to bring it back.
        {revoke.error ? ` ${errorMessage(revoke.error)}` : ""}
      </ConfirmDialog>
    </div>
  );
}
