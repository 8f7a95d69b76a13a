import { useEffect, useRef, useState, type FormEvent } from "react";
import { CreateUserSchema, type CreateUser } from "@server/contract/users";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage, isApiRequestError } from "@/lib/api-client";
import { validateForm, type FieldErrors } from "@/lib/form";
import { useCreateUser } from "../api/mutations";
import { ROLE_OPTIONS } from "./role-options";

const EMPTY: CreateUser = { username: "", password: "", role: "viewer" };

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (username: string) => void;
}) {
  const [values, setValues] = useState<CreateUser>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<CreateUser>>({});
  const createUser = useCreateUser();

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    createUser.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateForm(CreateUserSchema, values);
    setErrors(result.errors ?? {});
    if (!result.data) return;
    createUser.mutate(result.data, {
      onSuccess: (user) => {
        close();
        onCreated(user.username);
      },
    });
  };

  // A taken name belongs next to the username, which gets focus back; anything else above the form.
  const isTaken = isApiRequestError(createUser.error, 409);
  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isTaken) usernameRef.current?.focus();
  }, [isTaken]);
  const serverError = createUser.error && !isTaken ? errorMessage(createUser.error) : null;
  const set = (patch: Partial<CreateUser>) => setValues((v) => ({ ...v, ...patch }));

  return (
    <Dialog open={open} onClose={close} title="Create user">
      <form onSubmit={submit} noValidate className="space-y-4">
        {serverError && <InlineAlert title="Could not create the user">{serverError}</InlineAlert>}
        <Field
          label="Username"
          hint="Lowercase letters, digits, dot, dash, underscore."
          error={errors.username ?? (isTaken ? errorMessage(createUser.error) : null)}
        >
          {(p) => (
            <Input
              {...p}
              ref={usernameRef}
              data-autofocus=""
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              onChange={(e) => set({ username: e.target.value })}
            />
          )}
        </Field>
        <Field label="Password" hint="At least 8 characters." error={errors.password}>
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set({ password: e.target.value })}
            />
          )}
        </Field>
        <Field label="Role" error={errors.role}>
          {(p) => (
            <Select
              {...p}
              options={ROLE_OPTIONS}
              value={values.role}
              onChange={(e) => set({ role: e.target.value as CreateUser["role"] })}
            />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={createUser.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
