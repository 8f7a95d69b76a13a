import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ProposalSchema } from "@server/contract/proposals";
import { client, parseResponse } from "@/lib/api-client";
import { proposalQueries } from "./queries";

export type Decision = {
  id: string;
  decision: "approve" | "reject";
  comment: string;
  digest: string;
};

/** Approve (which runs the action once) or reject; the approval binds to the digest shown. */
export function useDecideProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, decision, comment, digest }: Decision) => {
      const json = { digest, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      const route = client.api.proposals[":id"];
      const res =
        decision === "approve"
          ? await route.approve.$post({ param: { id }, json })
          : await route.reject.$post({ param: { id }, json });
      return parseResponse(res, ProposalSchema);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: proposalQueries.all() }),
  });
}
