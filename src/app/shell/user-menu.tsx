import { Badge } from "@/components/ui/badge";
import { MenuButton } from "@/components/ui/menu";
import { useSignOut } from "@/features/auth/api/mutations";
import { THEME_OPTIONS, useTheme } from "@/features/theme/use-theme";
import { useCurrentUser } from "@/lib/session";

export function UserMenu() {
  const user = useCurrentUser();
  const [theme, setTheme] = useTheme();
  const signOut = useSignOut();
  return (
    <MenuButton
      triggerLabel={`Account: ${user.username}`}
      trigger={
        <>
          <span
            aria-hidden="true"
            className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold uppercase text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
          >
            {user.username.slice(0, 2)}
          </span>
          <span className="hidden sm:inline">{user.username}</span>
        </>
      }
      header={
        <div className="space-y-1">
          <p className="text-slate-500 dark:text-slate-400">Signed in as</p>
          <p className="flex items-center gap-2 font-medium">
            {user.username} <Badge>{user.role}</Badge>
          </p>
        </div>
      }
      groups={[
        {
          label: "Theme",
          items: THEME_OPTIONS.map((option) => ({
            kind: "radio" as const,
            label: option.label,
            checked: theme === option.value,
            onSelect: () => setTheme(option.value),
          })),
        },
        { items: [{ kind: "action", label: "Sign out", onSelect: () => signOut.mutate() }] },
      ]}
    />
  );
}
