import type { User } from "@server/contract/users";
import { UserRow } from "./user-row";

const head =
  "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export function UsersTable({
  users,
  onResetPassword,
}: {
  users: readonly User[];
  onResetPassword: (user: User) => void;
}) {
  const now = Date.now();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Users who can sign in to RMM Deck</caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              Username
            </th>
            <th scope="col" className={head}>
              Role
            </th>
            <th scope="col" className={head}>
              Status
            </th>
            <th scope="col" className={head}>
              Created
            </th>
            <th scope="col" className={head}>
              Last sign-in
            </th>
            <th scope="col" className={`${head} text-right`}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} now={now} onResetPassword={onResetPassword} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
