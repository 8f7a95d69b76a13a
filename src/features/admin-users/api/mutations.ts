import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserSchema, type CreateUser, type UpdateUser } from "@server/contract/users";
import { apiFetch } from "@/lib/api-client";
import { eventQueries, userQueries } from "./queries";

/** Every user change is also an event, so both lists refresh. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userQueries.all() }),
      queryClient.invalidateQueries({ queryKey: eventQueries.all() }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUser) =>
      apiFetch("/api/users", { method: "POST", json: input, schema: UserSchema }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...changes }: UpdateUser & { id: string }) =>
      apiFetch(`/api/users/${encodeURIComponent(id)}`, {
        method: "PATCH",
        json: changes,
        schema: UserSchema,
      }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      apiFetch(`/api/users/${encodeURIComponent(id)}/password`, {
        method: "POST",
        json: { password },
      }),
    onSuccess: invalidate,
  });
}
