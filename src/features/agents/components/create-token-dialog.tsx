import { useState, type FormEvent } from "react";
import { GROUP_LABELS, PERMISSION_GROUPS, type Groups } from "@server/contract/agents";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/api-client";
import { useCreateAgentToken } from "../api/mutations";
import { LEVEL_OPTIONS } from "./group-options";

const READ_ONLY: Groups = {
  sites: "read-only",
  devices: "read-only",
  audit: "read-only",
  alerts: "read-only",
  jobs: "read-only",
};

/** Creates a token and shows its secret once: it is stored only as a hash. */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateAgentToken();
  const [name, setName] = useState("");
  const [groups, setGroups] = useState<Groups>(READ_ONLY);
  const [testMode, setTestMode] = useState(false);
  const [expiryDays, setExpiryDays] = useState("");
  const [copied, setCopied] = useState(false);
  const secret = create.data?.token ?? null;

  const close = () => {
    setName("");
    setGroups(READ_ONLY);
    setTestMode(false);
    setExpiryDays("");
    setCopied(false);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = Number(expiryDays);
    create.mutate({
      name,
      groups,
      testMode,
      expiresAt: expiryDays.trim() && days > 0 ? Date.now() + days * 86_400_000 : null,
    });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={secret ? "Copy the token now" : "Create agent token"}
    >
      {secret ? (
        <div className="space-y-4">
          <InlineAlert tone="warning">
            This is the only time the token is shown. Store it in the agent's secret store.
          </InlineAlert>
          <code
            data-testid="new-agent-token"
            className="block break-all rounded bg-slate-100 p-2 text-sm dark:bg-slate-800"
          >
            {secret}
          </code>
          <div className="flex justify-end gap-2">
            <Button
              onClick={() =>
                void navigator.clipboard?.writeText(secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          {create.error && <InlineAlert tone="danger">{errorMessage(create.error)}</InlineAlert>}
          <Field label="Name" hint="Which agent holds it, e.g. triage-bot.">
            {(p) => (
              <Input
                {...p}
                data-autofocus
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <legend className="mb-1 text-sm font-medium">Access per permission group</legend>
            {PERMISSION_GROUPS.map((group) => (
              <Field key={group} label={GROUP_LABELS[group]}>
                {(p) => (
                  <Select
                    {...p}
                    options={LEVEL_OPTIONS}
                    value={groups[group]}
                    onChange={(e) => setGroups((g) => ({ ...g, [group]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={testMode}
              onChange={(e) => setTestMode(e.target.checked)}
            />
            Test mode: writes are planned and recorded, never sent to Datto
          </label>
          <Field label="Expires after (days)" hint="Empty: never expires.">
            {(p) => (
              <Input
                {...p}
                className="w-32"
                inputMode="numeric"
                value={expiryDays}
                onChange={(e) => setExpiryDays(e.target.value)}
              />
            )}
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={create.isPending}>
              Create token
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
