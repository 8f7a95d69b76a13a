import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { LoginRequest } from "@server/contract/auth";
import { Badge } from "@/components/ui/badge";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useSignIn } from "../api/mutations";
import { authQueries } from "../api/queries";
import { safeNextPath } from "../next-param";
import { DemoAccounts } from "./demo-accounts";
import { LoginForm } from "./login-form";

export function LoginPage() {
  useDocumentTitle("Sign in");
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const navigate = useNavigate();
  const config = useQuery(authQueries.config());
  const signIn = useSignIn();
  const [values, setValues] = useState<LoginRequest>({ username: "", password: "" });
  const formRef = useRef<HTMLDivElement>(null);
  const demoAccounts = config.data?.demoAccounts ?? null;

  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 pt-16 sm:pt-24 dark:bg-slate-950">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center gap-2">
          <h1 className="text-2xl font-bold text-slate-900 dark:text-slate-50">RMM Deck</h1>
          {config.data?.mode === "demo" && <Badge tone="warning">DEMO</Badge>}
        </div>
        <div
          ref={formRef}
          className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 className="mb-4 text-lg font-semibold text-slate-900 dark:text-slate-100">Sign in</h2>
          <LoginForm
            values={values}
            onChange={setValues}
            isPending={signIn.isPending}
            error={signIn.error}
            onSubmit={(credentials) =>
              signIn.mutate(credentials, { onSuccess: () => navigate(next, { replace: true }) })
            }
          />
        </div>
        {demoAccounts && demoAccounts.length > 0 && (
          <DemoAccounts
            accounts={demoAccounts}
            onPick={(account) => {
              setValues({ username: account.username, password: account.password });
              formRef.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
            }}
          />
        )}
      </div>
    </main>
  );
}
