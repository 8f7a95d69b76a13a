import { Outlet } from "react-router";
import { roleAtLeast, type Role } from "@server/contract/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { useCurrentUser } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";

function NoAccess(props: { minRole: Role }) {
  const user = useCurrentUser();
  useDocumentTitle("No access");
  return (
    <EmptyState title="You do not have access to this screen" titleAs="h1">
      It needs the {props.minRole} role; you are signed in as {user.username} ({user.role}).
    </EmptyState>
  );
}

/** Refuses a screen to roles below `minRole` (the server refuses the data too; this is for people). */
export function RequireRole({ minRole }: { minRole: Role }) {
  const user = useCurrentUser();
  if (!roleAtLeast(user.role, minRole)) return <NoAccess minRole={minRole} />;
  return <Outlet />;
}
