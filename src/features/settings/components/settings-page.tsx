import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { PageSpinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/api-client";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useSetWritesPaused, useUpdateSettings } from "../api/mutations";
import { settingsQueries } from "../api/queries";

/** /admin/settings: the kill switch and how proposals wait (expiry, webhook). */
export function SettingsPage() {
  useDocumentTitle("Settings");
  const settings = useQuery(settingsQueries.current());
  const pause = useSetWritesPaused();
  const [confirming, setConfirming] = useState(false);
  if (settings.isPending) return <PageSpinner label="Loading settings…" />;
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const paused = settings.data.writesPaused;
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <Card title="Kill switch">
        <p className="text-sm">
          {paused
            ? "Writes to Datto are paused. Nothing is resolved or launched, by people or agents; approved proposals wait and run once writes resume."
            : "Writes to Datto are allowed. Pausing stops every write at once, by people and agents, approved proposals included."}
        </p>
        {pause.error && <InlineAlert tone="danger">{errorMessage(pause.error)}</InlineAlert>}
        <div className="mt-3">
          {paused ? (
            <Button
              variant="primary"
              isPending={pause.isPending}
              onClick={() => pause.mutate(false)}
            >
              Resume writes
            </Button>
          ) : (
            <Button
              variant="danger"
              isPending={pause.isPending}
              onClick={() => setConfirming(true)}
            >
              Pause all writes
            </Button>
          )}
        </div>
      </Card>
      <ProposalSettings
        ttl={settings.data.proposalTtlMinutes}
        webhook={settings.data.proposalWebhookUrl}
      />
      <ConfirmDialog
        open={confirming}
        title="Pause all writes to Datto?"
        confirmLabel="Pause writes"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          pause.mutate(true);
        }}
      >
        Nobody can resolve alerts or run jobs until an admin resumes writes.
      </ConfirmDialog>
    </div>
  );
}

function ProposalSettings({ ttl, webhook }: { ttl: number; webhook: string | null }) {
  const update = useUpdateSettings();
  const [minutes, setMinutes] = useState(String(ttl));
  const [url, setUrl] = useState(webhook ?? "");
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { proposalTtlMinutes: Number(minutes), proposalWebhookUrl: url.trim() || null },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <Card title="Proposals">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {update.error && <InlineAlert tone="danger">{errorMessage(update.error)}</InlineAlert>}
        {saved && <InlineAlert tone="success">Saved.</InlineAlert>}
        <Field
          label="Expire after (minutes)"
          hint="A proposal nobody decides in this time expires and never runs."
        >
          {(p) => (
            <Input
              {...p}
              className="w-32"
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Webhook for new proposals"
          hint="A Slack or Teams incoming-webhook URL (https); empty for none."
        >
          {(p) => <Input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Save
        </Button>
      </form>
    </Card>
  );
}
