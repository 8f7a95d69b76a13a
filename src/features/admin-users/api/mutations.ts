import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserSchema, type CreateUser, type UpdateUser } from "@server/contract/users";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
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
    mutationFn: async (input: CreateUser) =>
      parseResponse(await client.api.users.$post({ json: input }), UserSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async ({ id, ...changes }: UpdateUser & { id: string }) =>
      parseResponse(
        await client.api.users[":id"].$patch({ param: { id }, json: changes }),
        UserSchema,
      ),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async ({ id, password }: { id: string; password: string }) => {
      await ensureOk(
        await client.api.users[":id"].password.$post({ param: { id }, json: { password } }),
      );
    },
    onSuccess: invalidate,
  });
}
