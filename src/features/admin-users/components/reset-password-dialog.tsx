import { useState, type FormEvent } from "react";
import { ResetPasswordSchema } from "@server/contract/users";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { validateForm } from "@/lib/form";
import { useResetPassword } from "../api/mutations";

export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: { id: string; username: string } | null;
  onClose: () => void;
  onDone: (username: string) => void;
}) {
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const resetPassword = useResetPassword();

  const close = () => {
    setPassword("");
    setFieldError(null);
    resetPassword.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!user) return;
    const result = validateForm(ResetPasswordSchema, { password });
    setFieldError(result.errors?.password ?? null);
    if (!result.data) return;
    resetPassword.mutate(
      { id: user.id, password: result.data.password },
      {
        onSuccess: () => {
          close();
          onDone(user.username);
        },
      },
    );
  };

  return (
    <Dialog
      open={user !== null}
      onClose={close}
      title={`Reset password for ${user?.username ?? ""}`}
      description="They will need the new password the next time they sign in."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {resetPassword.error && (
          <InlineAlert title="Could not reset the password">
            {errorMessage(resetPassword.error)}
          </InlineAlert>
        )}
        <Field label="New password" hint="At least 8 characters." error={fieldError}>
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={resetPassword.isPending}>
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
