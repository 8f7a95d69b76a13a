import { Outlet } from "react-router";
import { PERMISSION_LABELS, type Permission } from "@server/contract/permissions";
import { EmptyState } from "@/components/ui/empty-state";
import { useCan, useCurrentUser } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";

function NoAccess(props: { needs: Permission }) {
  const user = useCurrentUser();
  useDocumentTitle("No access");
  return (
    <EmptyState title="You do not have access to this screen" titleAs="h1">
      It needs the permission “{PERMISSION_LABELS[props.needs]}”, which the {user.role} role does
      not hold; you are signed in as {user.username}.
    </EmptyState>
  );
}

/**
 * Refuses a screen to people without the permission it needs (the server refuses the data too;
 * this is for people, so they see why instead of an empty screen).
 */
export function RequirePermission({ needs }: { needs: Permission }) {
  if (!useCan(needs)) return <NoAccess needs={needs} />;
  return <Outlet />;
}
