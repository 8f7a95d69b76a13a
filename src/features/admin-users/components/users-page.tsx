import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { User } from "@server/contract/users";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InlineAlert } from "@/components/ui/inline-alert";
import { PageSpinner } from "@/components/ui/spinner";
import { useDocumentTitle } from "@/lib/use-document-title";
import { userQueries } from "../api/queries";
import { CreateUserDialog } from "./create-user-dialog";
import { RecentEvents } from "./recent-events";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { UsersTable } from "./users-table";

export function UsersPage() {
  useDocumentTitle("Users");
  const users = useQuery(userQueries.list());
  const [isCreating, setIsCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="max-w-6xl space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Users</h1>
        <Button variant="primary" onClick={() => setIsCreating(true)}>
          Create user
        </Button>
      </div>
      {notice && <InlineAlert tone="success">{notice}</InlineAlert>}
      <Card title="People who can sign in">
        {users.isPending ? (
          <PageSpinner label="Loading users…" />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.length === 0 ? (
          <EmptyState title="No users yet" />
        ) : (
          <UsersTable users={users.data} onResetPassword={setResetting} />
        )}
      </Card>
      <RecentEvents />
      <CreateUserDialog
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(username) => setNotice(`Created user ${username}.`)}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(username) => setNotice(`Set a new password for ${username}.`)}
      />
    </div>
  );
}
