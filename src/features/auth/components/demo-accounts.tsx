import type { AuthConfig } from "@server/contract/auth";
import { Button } from "@/components/ui/button";

type DemoAccount = NonNullable<AuthConfig["demoAccounts"]>[number];

/** Demo mode only: the seeded accounts, each one click away from the form. */
export function DemoAccounts({
  accounts,
  onPick,
}: {
  accounts: readonly DemoAccount[];
  onPick: (account: DemoAccount) => void;
}) {
  return (
    <section aria-labelledby="demo-accounts-title" className="space-y-2">
      <h2
        id="demo-accounts-title"
        className="text-sm font-semibold text-slate-800 dark:text-slate-100"
      >
        Demo accounts
      </h2>
      <p id="demo-accounts-help" className="text-sm text-slate-600 dark:text-slate-400">
        This console runs against a simulated tenant. Pick an account to fill the form; each shows
        what a different role can do.
      </p>
      <ul className="grid grid-cols-2 gap-2">
        {accounts.map((account) => (
          <li key={account.username}>
            <Button
              size="sm"
              className="w-full"
              onClick={() => onPick(account)}
              aria-describedby="demo-accounts-help"
            >
              {account.username}
              {account.role !== account.username && ` (${account.role})`}
            </Button>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Password for every demo account: <code>{accounts[0]?.password ?? "demo"}</code>
      </p>
    </section>
  );
}
