import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

/** "Are you sure?" for a change that takes effect at once: what happens, then Cancel or do it. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: "primary" | "danger";
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      title={props.title}
      description={props.children}
    >
      <div className="flex justify-end gap-2">
        <Button data-autofocus="" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button
          variant={props.tone ?? "primary"}
          isPending={props.isPending}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
