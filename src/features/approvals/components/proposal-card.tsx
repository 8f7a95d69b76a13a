import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { Proposal } from "@server/contract/proposals";
import { Badge } from "@/components/ui/badge";
import { deviceQueries } from "@/entities/device/device-queries";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { endpointText } from "@/lib/endpoint-text";
import { formatDuration, formatRelativeTime } from "@/lib/format";
import { actionText } from "./proposal-text";

export type DecideHandler = (p: Proposal, decision: "approve" | "reject", comment: string) => void;

/** One pending proposal: what it would do in human terms, the exact payload, approve or reject. */
export function ProposalCard({
  proposal: p,
  now,
  isSelected,
  isBusy,
  onSelect,
  onDecide,
}: {
  proposal: Proposal;
  now: number;
  isSelected: boolean;
  isBusy: boolean;
  onSelect: () => void;
  onDecide: DecideHandler;
}) {
  const [comment, setComment] = useState("");
  const left = p.expiresAt - now;
  const proposed = p.context.device;
  // The device as it is now (online, last seen), not only as it was when the agent proposed.
  const current = useQuery({
    ...deviceQueries.detail(proposed?.uid ?? ""),
    enabled: proposed !== null,
  }).data;
  const device = proposed && {
    ...proposed,
    ...(current
      ? {
          online: current.online,
          lastSeen: current.lastSeen,
          hostname: current.hostname,
          siteName: current.siteName,
        }
      : {}),
  };
  return (
    <article
      tabIndex={0}
      aria-label={actionText(p)}
      aria-current={isSelected || undefined}
      onFocus={onSelect}
      onClick={onSelect}
      data-proposal-id={p.id}
      className={cn(
        "rounded-lg border bg-white p-4 shadow-sm outline-none dark:bg-slate-900",
        isSelected
          ? "border-indigo-500 ring-2 ring-indigo-200 dark:ring-indigo-800"
          : "border-slate-200 dark:border-slate-700",
      )}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold">{actionText(p)}</h3>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Agent <strong>{p.agentName}</strong>
            {p.requests > 1 ? ` (asked ${p.requests} times)` : ""} ·{" "}
            {formatRelativeTime(p.createdAt, now)}
          </p>
        </div>
        <Badge tone={left < 10 * 60_000 ? "danger" : "warning"}>
          {left > 0 ? `expires in ${formatDuration(left)}` : "expired"}
        </Badge>
      </header>
      <p className="mt-2 text-sm">
        <span className="font-medium">Reason:</span> {endpointText(p.reason)}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 xl:grid-cols-4">
        {device && (
          <>
            <Item label="Device">
              <Link
                className="text-indigo-700 underline dark:text-indigo-300"
                to={`/devices/${encodeURIComponent(device.uid)}`}
              >
                {endpointText(device.hostname)}
              </Link>{" "}
              {device.deviceType ? `(${device.deviceType})` : ""}
            </Item>
            <Item label="Site">{endpointText(device.siteName)}</Item>
            <Item label="State">
              {device.online ? "online" : "offline"}
              {device.lastSeen ? `, last seen ${formatRelativeTime(device.lastSeen, now)}` : ""}
            </Item>
          </>
        )}
        {p.payload.action === "run-quickjob" && (
          <Item label="Component">
            {p.payload.componentName}
            {Object.keys(p.payload.variables).length > 0 &&
              ` with ${Object.entries(p.payload.variables)
                .map(([k, v]) => `${k} = ${v}`)
                .join(", ")}`}
          </Item>
        )}
        {p.context.alert && (
          <Item label="Alert">
            {p.context.alert.priority}: {endpointText(p.context.alert.summary)}
          </Item>
        )}
      </dl>
      {p.risks.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Risks">
          {p.risks.map((r) => (
            <li key={r}>
              <Badge tone="danger">{r}</Badge>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">
          Exact payload (SHA-256 {p.digest.slice(0, 12)}…)
        </summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
          {JSON.stringify(p.payload, null, 2)}
        </pre>
      </details>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <label className="min-w-64 flex-1 text-sm">
          <span className="sr-only">Comment</span>
          <Input
            placeholder="Comment (optional)"
            value={comment}
            maxLength={500}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <Button
          variant="primary"
          isPending={isBusy}
          onClick={() => onDecide(p, "approve", comment)}
        >
          Approve <kbd className="text-xs opacity-75">a</kbd>
        </Button>
        <Button variant="danger" isPending={isBusy} onClick={() => onDecide(p, "reject", comment)}>
          Reject <kbd className="text-xs opacity-75">d</kbd>
        </Button>
      </div>
    </article>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}
