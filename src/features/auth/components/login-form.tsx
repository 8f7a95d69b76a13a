import { useState, type FormEvent } from "react";
import { LoginRequestSchema, type LoginRequest } from "@server/contract/auth";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { errorMessage, isApiRequestError } from "@/lib/api-client";
import { validateForm, type FieldErrors } from "@/lib/form";

export type LoginFormProps = {
  values: LoginRequest;
  onChange: (values: LoginRequest) => void;
  onSubmit: (values: LoginRequest) => void;
  isPending: boolean;
  error: unknown;
};

function describeSignInError(error: unknown): { title: string; text: string } {
  // The server's 429 message already says how long to wait.
  if (isApiRequestError(error, 429)) return { title: "Too many attempts", text: error.message };
  return { title: "Could not sign in", text: errorMessage(error) };
}

export function LoginForm({ values, onChange, onSubmit, isPending, error }: LoginFormProps) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<LoginRequest>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { data, errors } = validateForm(LoginRequestSchema, values);
    setFieldErrors(errors ?? {});
    if (data) onSubmit(data);
  };

  const failure = error ? describeSignInError(error) : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
      {failure && <InlineAlert title={failure.title}>{failure.text}</InlineAlert>}
      <Field label="Username" error={fieldErrors.username}>
        {(p) => (
          <Input
            {...p}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={values.username}
            onChange={(e) => onChange({ ...values, username: e.target.value })}
          />
        )}
      </Field>
      <Field label="Password" error={fieldErrors.password}>
        {(p) => (
          <Input
            {...p}
            name="password"
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => onChange({ ...values, password: e.target.value })}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" className="w-full" isPending={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
