import { useState } from "react";
import type { Role } from "@server/contract/roles";
import type { User } from "@server/contract/users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useUpdateUser } from "../api/mutations";
import { ROLE_OPTIONS } from "./role-options";

const cell = "px-3 py-2 align-middle";

/** A change waiting for the admin's yes: a new role, or disabling the account. */
type Pending = { role: Role } | { disabled: true };

const roleName = (role: Role) => ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role;

function confirmText(user: User, pending: Pending) {
  if ("role" in pending) {
    return {
      title: `Change ${user.username}'s role?`,
      body: `From ${roleName(user.role)} to ${roleName(pending.role)}. It applies to their next request.`,
      label: `Make ${roleName(pending.role)}`,
    };
  }
  return {
    title: `Disable ${user.username}?`,
    body: "They are signed out at once and cannot sign in until an admin enables them again.",
    label: "Disable",
  };
}

export function UserRow({
  user,
  now,
  onResetPassword,
}: {
  user: User;
  now: number;
  onResetPassword: (user: User) => void;
}) {
  const update = useUpdateUser();
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = pending ? confirmText(user, pending) : null;
  const apply = (changes: Pending | { disabled: false }) =>
    update.mutate({ id: user.id, ...changes }, { onSettled: () => setPending(null) });
  return (
    <>
      <tr className="border-t border-slate-200 dark:border-slate-700">
        <th scope="row" className={`${cell} text-left font-medium`}>
          {user.username}
        </th>
        <td className={cell}>
          <Select
            aria-label={`Role for ${user.username}`}
            className="h-8 w-36"
            options={ROLE_OPTIONS}
            value={user.role}
            disabled={update.isPending}
            onChange={(e) => {
              update.reset();
              setPending({ role: e.target.value as Role });
            }}
          />
        </td>
        <td className={cell}>
          {user.disabled ? (
            <Badge tone="danger">Disabled</Badge>
          ) : (
            <Badge tone="success">Active</Badge>
          )}
        </td>
        <td className={cell}>
          <time dateTime={new Date(user.createdAt).toISOString()}>
            {formatDateTime(user.createdAt)}
          </time>
        </td>
        <td
          className={cell}
          title={user.lastLoginAt ? formatDateTime(user.lastLoginAt) : undefined}
        >
          {formatRelativeTime(user.lastLoginAt, now)}
        </td>
        <td className={`${cell} whitespace-nowrap text-right`}>
          <div className="flex justify-end gap-2">
            <Button
              size="sm"
              isPending={update.isPending && pending === null}
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.username}`}
              onClick={() => {
                update.reset();
                // Enabling gives back access the admin meant to give; disabling takes it away.
                if (user.disabled) apply({ disabled: false });
                else setPending({ disabled: true });
              }}
            >
              {user.disabled ? "Enable" : "Disable"}
            </Button>
            <Button
              size="sm"
              aria-label={`Reset password for ${user.username}`}
              onClick={() => onResetPassword(user)}
            >
              Reset password
            </Button>
          </div>
          {confirm && pending && (
            <ConfirmDialog
              open
              title={confirm.title}
              confirmLabel={confirm.label}
              tone={"role" in pending ? "primary" : "danger"}
              isPending={update.isPending}
              onConfirm={() => apply(pending)}
              onCancel={() => setPending(null)}
            >
              {confirm.body}
            </ConfirmDialog>
          )}
        </td>
      </tr>
      {update.error && (
        <tr>
          <td colSpan={6} className="px-3 pb-2">
            <InlineAlert title={`Could not change ${user.username}`}>
              {errorMessage(update.error)}
            </InlineAlert>
          </td>
        </tr>
      )}
    </>
  );
}
