import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { ACTOR_KINDS } from "@server/contract/actor";
import { buttonClasses, Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PageSpinner } from "@/components/ui/spinner";
import { endpointText } from "@/lib/endpoint-text";
import { formatDateTime } from "@/lib/format";
import { useDocumentTitle } from "@/lib/use-document-title";
import { auditQueries, type AuditFilter } from "../api/queries";

const KIND_OPTIONS = [
  { value: "", label: "Everything" },
  { value: "proposal", label: "Proposals" },
  { value: "agent-token", label: "Agent tokens" },
  { value: "tool-policy", label: "Tool policies" },
  { value: "settings", label: "Settings and kill switch" },
  { value: "user", label: "Users" },
  { value: "auth", label: "Sign-ins" },
  { value: "alert", label: "Alerts" },
  { value: "job", label: "Jobs" },
];
const ACTOR_OPTIONS = [
  { value: "", label: "Anyone" },
  ...ACTOR_KINDS.map((k) => ({ value: k, label: k })),
];

const toMs = (date: string) => (date ? String(new Date(`${date}T00:00:00`).getTime()) : undefined);

/** The filter lives in the URL (dates as typed, yyyy-mm-dd): Back, a reload or a link keep it. */
const FORM_KEYS = ["kind", "actorKind", "actor", "since", "until"] as const;
type FilterForm = Record<(typeof FORM_KEYS)[number], string>;

const formOf = (params: URLSearchParams): FilterForm =>
  Object.fromEntries(FORM_KEYS.map((k) => [k, params.get(k) ?? ""])) as FilterForm;

const filterOf = (form: FilterForm): AuditFilter => ({
  kind: form.kind || undefined,
  actorKind: form.actorKind || undefined,
  actor: form.actor.trim() || undefined,
  since: toMs(form.since),
  until: form.until ? String(Number(toMs(form.until)) + 86_400_000) : undefined,
});

/** /audit: every write, proposal state change, sign-in, token and policy change; filtered, exported, verified. */
export function AuditPage() {
  useDocumentTitle("Audit log");
  const [params, setParams] = useSearchParams();
  const applied = formOf(params);
  const filter = filterOf(applied);
  // The form shows what is applied until edited; a new URL (the nav, Back) resets it.
  const [form, setForm] = useState(applied);
  const [formFor, setFormFor] = useState(params.toString());
  if (formFor !== params.toString()) {
    setFormFor(params.toString());
    setForm(applied);
  }
  const pages = useInfiniteQuery(auditQueries.pages(filter));
  const chain = useQuery(auditQueries.chain());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FORM_KEYS) {
      const value = form[key].trim();
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const events = pages.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <a className={buttonClasses("secondary")} href={auditQueries.exportUrl(filter)} download>
          Export CSV
        </a>
      </div>
      {chain.data &&
        (chain.data.intact ? (
          <InlineAlert tone="success">
            Hash chain intact: {chain.data.checked} events checked.
          </InlineAlert>
        ) : (
          <InlineAlert tone="danger">
            The hash chain is broken at event {chain.data.brokenAt}: {chain.data.problem}.
          </InlineAlert>
        ))}
      <Card title="Filter">
        <form onSubmit={submit} className="grid items-end gap-3 sm:grid-cols-3 xl:grid-cols-6">
          <Field label="What">
            {(p) => (
              <Select
                {...p}
                options={KIND_OPTIONS}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value })}
              />
            )}
          </Field>
          <Field label="Who (kind)">
            {(p) => (
              <Select
                {...p}
                options={ACTOR_OPTIONS}
                value={form.actorKind}
                onChange={(e) => setForm({ ...form, actorKind: e.target.value })}
              />
            )}
          </Field>
          <Field label="Who (name)">
            {(p) => (
              <Input
                {...p}
                value={form.actor}
                placeholder="e.g. agent:triage-bot"
                onChange={(e) => setForm({ ...form, actor: e.target.value })}
              />
            )}
          </Field>
          <Field label="From">
            {(p) => (
              <Input
                {...p}
                type="date"
                value={form.since}
                onChange={(e) => setForm({ ...form, since: e.target.value })}
              />
            )}
          </Field>
          <Field label="To">
            {(p) => (
              <Input
                {...p}
                type="date"
                value={form.until}
                onChange={(e) => setForm({ ...form, until: e.target.value })}
              />
            )}
          </Field>
          <Button type="submit" variant="primary">
            Apply
          </Button>
        </form>
      </Card>
      <Card title="Events">
        {pages.isPending ? (
          <PageSpinner label="Loading the audit log…" />
        ) : pages.isError ? (
          <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState title="No events match" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500 dark:text-slate-400">
                <tr>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">#</th>
                  <th className="py-2 pr-3 font-medium">When</th>
                  <th className="py-2 pr-3 font-medium">Who</th>
                  <th className="py-2 pr-3 font-medium">What</th>
                  <th className="hidden py-2 pr-3 font-medium md:table-cell">Target</th>
                  <th className="hidden py-2 font-medium md:table-cell">Detail</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr
                    key={e.id}
                    className="border-t border-slate-200 align-top dark:border-slate-700"
                  >
                    <td className="hidden py-2 pr-3 text-slate-500 md:table-cell">{e.id}</td>
                    <td className="py-2 pr-3 md:whitespace-nowrap">{formatDateTime(e.at)}</td>
                    <td className="py-2 pr-3 break-words">{e.actor ?? "system"}</td>
                    <td className="py-2 pr-3">
                      <span className="font-mono break-all">{e.kind}</span>
                      {/* On a phone the target and detail go here: as columns they were a letter wide. */}
                      <div className="mt-1 space-y-1 md:hidden">
                        {e.target && <div className="break-all">{endpointText(e.target)}</div>}
                        {e.detail && (
                          <div className="font-mono text-xs break-all text-slate-600 dark:text-slate-300">
                            {endpointText(JSON.stringify(e.detail))}
                          </div>
                        )}
                      </div>
                    </td>
                    <td className="hidden max-w-48 break-all py-2 pr-3 md:table-cell">
                      {endpointText(e.target) ?? ""}
                    </td>
                    <td className="hidden max-w-xl break-all py-2 font-mono text-xs md:table-cell">
                      {e.detail ? endpointText(JSON.stringify(e.detail)) : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages.hasNextPage && (
              <Button
                className="mt-3"
                isPending={pages.isFetchingNextPage}
                onClick={() => void pages.fetchNextPage()}
              >
                Older events
              </Button>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
