import type { User } from "@server/contract/users";
import type { Role } from "@server/contract/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { useUpdateUser } from "../api/mutations";
import { ROLE_OPTIONS } from "./role-options";

const cell = "px-3 py-2 align-middle";

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
            onChange={(e) => update.mutate({ id: user.id, role: e.target.value as Role })}
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
              isPending={update.isPending}
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.username}`}
              onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
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
