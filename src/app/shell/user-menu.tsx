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
      menuLabel={`Account: ${user.username}`}
      trigger={
        <>
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            className="size-7 rounded-full bg-indigo-100 p-1 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
          >
            <circle cx="12" cy="8" r="4" fill="currentColor" />
            <path d="M4 21a8 8 0 0 1 16 0" fill="currentColor" />
          </svg>
          <span className="sr-only">Account: </span>
          <span className="max-sm:sr-only">{user.username}</span>
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
