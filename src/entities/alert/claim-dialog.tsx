import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { useClaimAlert } from "./alert-mutations";

/** "On it": claim an alert with an optional note; everyone sees it at once. */
export function ClaimDialog(props: {
  alertUid: string;
  summary: string;
  initialNote?: string;
  onClose: () => void;
}) {
  const claim = useClaimAlert();
  const [note, setNote] = useState(props.initialNote ?? "");
  return (
    <Dialog
      open
      onClose={props.onClose}
      title="Claim this alert"
      description={
        <>
          Tells everyone you are on it:{" "}
          <span className="font-medium">{endpointText(props.summary)}</span>. Datto has no such
          state; RMM Deck keeps it.
        </>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          claim.mutate(
            { uid: props.alertUid, note: note.trim() || undefined },
            { onSuccess: props.onClose },
          );
        }}
      >
        <Field label="Note (optional)" hint="e.g. Rebooting after hours; ticket 4411">
          {(p) => (
            <Input
              {...p}
              data-autofocus=""
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        {claim.error && <InlineAlert tone="danger">{errorMessage(claim.error)}</InlineAlert>}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={claim.isPending}>
            Claim
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
