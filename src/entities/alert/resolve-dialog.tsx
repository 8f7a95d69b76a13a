import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ResolveResult } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Meter } from "@/components/ui/meter";
import { errorMessage } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { useResolveAlert, useStartBulkResolve } from "./alert-mutations";
import { alertQueries } from "./alert-queries";

export type ResolveTarget = { alertUid: string; summary: string; device: string | null };

/** Said wherever a resolve is offered: a resolved alert comes back if the cause remains. */
export const RESOLVE_CAUTION =
  "Resolving closes the alert in Datto; it does not fix the cause. If the monitor still sees the problem, Datto raises the alert again.";

const STATUS_TEXT: Record<ResolveResult["status"], string> = {
  resolved: "Resolved",
  "already-resolved": "Already resolved",
  "not-found": "Not found",
  "outcome-unknown": "Outcome unknown",
  "not-sent": "Not resolved",
  failed: "Failed",
};

/**
 * Confirm, then resolve one alert or many. Many run on the server, paced inside Datto's write
 * quota, with progress; a run that hits Datto's rate limit stops and lists what was and was not
 * resolved. Nothing is retried by itself.
 */
export function ResolveDialog(props: {
  targets: readonly ResolveTarget[];
  onClose: (finished: boolean) => void;
}) {
  const { targets } = props;
  const one = useResolveAlert();
  const bulk = useStartBulkResolve();
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useQuery({ ...alertQueries.batch(batchId ?? ""), enabled: batchId !== null });
  const single = one.data?.result;
  const run = batch.data?.batch ?? bulk.data?.batch;
  const results: readonly ResolveResult[] = single ? [single] : (run?.results ?? []);
  const running = one.isPending || bulk.isPending || run?.state === "running";
  const finished = single !== undefined || (run !== undefined && run.state !== "running");
  const error = one.error ?? bulk.error;
  const byUid = new Map(targets.map((t) => [t.alertUid, t]));

  const start = () => {
    if (targets.length === 1) one.mutate(targets[0]!.alertUid);
    else
      bulk.mutate(
        targets.map((t) => t.alertUid),
        { onSuccess: (data) => setBatchId(data.batch.id) },
      );
  };
  const started = one.isPending || bulk.isPending || single !== undefined || run !== undefined;
  const count = targets.length;
  const title = count === 1 ? "Resolve this alert?" : `Resolve ${count} alerts?`;

  return (
    <Dialog
      open
      onClose={() => props.onClose(finished)}
      title={title}
      description={RESOLVE_CAUTION}
    >
      <div className="flex flex-col gap-3 text-sm">
        <ul
          aria-label={started ? "Results" : "Alerts to resolve"}
          className="max-h-64 divide-y divide-slate-200 overflow-auto rounded border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        >
          {targets.map((t) => {
            const r = results.find((x) => x.alertUid === t.alertUid);
            return (
              <li key={t.alertUid} className="flex items-start justify-between gap-3 px-2 py-1.5">
                <span className="min-w-0 break-words">
                  {endpointText(t.summary)}
                  {t.device && (
                    <span className="text-slate-600 dark:text-slate-400">
                      {" "}
                      — {endpointText(t.device)}
                    </span>
                  )}
                </span>
                {r && (
                  <span
                    className={
                      r.status === "resolved" || r.status === "already-resolved"
                        ? "shrink-0 text-emerald-700 dark:text-emerald-300"
                        : "shrink-0 text-amber-800 dark:text-amber-300"
                    }
                    title={r.message}
                  >
                    {STATUS_TEXT[r.status]}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        {run && count > 1 && (
          <Meter
            value={run.done}
            max={run.total}
            label="Resolve progress"
            valueText={`${run.done} of ${run.total} done`}
          />
        )}
        {run && count > 1 && (
          <p role="status">
            {run.done} of {run.total} done
            {run.state === "running"
              ? " — paced inside Datto's limit of alert resolves per minute."
              : "."}
          </p>
        )}
        {run?.stopMessage && (
          <InlineAlert tone="warning" title="Stopped early">
            {run.stopMessage}
          </InlineAlert>
        )}
        {results
          .filter((r) => r.status !== "resolved")
          .slice(0, 5)
          .map((r) => (
            <p key={r.alertUid} className="text-amber-800 dark:text-amber-300">
              {endpointText(byUid.get(r.alertUid)?.summary ?? r.alertUid)}: {r.message}
            </p>
          ))}
        {error && <InlineAlert tone="danger">{errorMessage(error)}</InlineAlert>}
        <div className="flex justify-end gap-2">
          {finished ? (
            <Button variant="primary" data-autofocus="" onClick={() => props.onClose(true)}>
              Done
            </Button>
          ) : (
            <>
              <Button data-autofocus="" onClick={() => props.onClose(false)} disabled={running}>
                Cancel
              </Button>
              <Button variant="danger" isPending={running} onClick={start} disabled={started}>
                {count === 1 ? "Resolve" : `Resolve ${count}`}
              </Button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
