import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { MeSchema, type LoginRequest } from "@server/contract/auth";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
import { sessionQueries } from "@/lib/session";

/** Signs in; on success the new user replaces whatever the cache knew about the last one. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: LoginRequest) =>
      parseResponse(await client.api.auth.login.$post({ json: credentials }), MeSchema),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueries.all()[0] });
      queryClient.setQueryData(sessionQueries.me().queryKey, user);
    },
  });
}

/** Signs out, leaves the signed-in area, then forgets everything cached for this user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await ensureOk(await client.api.auth.logout.$post());
    },
    onSuccess: async () => {
      // Leave first: the shell would otherwise see "no user" and send us to /login?next=here.
      await navigate("/login", { replace: true });
      queryClient.clear();
    },
  });
}
