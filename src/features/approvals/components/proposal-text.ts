import type { Proposal, ProposalState } from "@server/contract/proposals";
import type { BadgeTone } from "@/components/ui/badge";
import { endpointText } from "@/lib/endpoint-text";

/** The action in a person's words: "Run “Disk Cleanup” on SRV-01" / "Resolve the alert “…”". */
export function actionText(p: Proposal): string {
  if (p.payload.action === "run-quickjob") {
    const where = endpointText(p.context.device?.hostname) ?? p.payload.deviceUid;
    return `Run “${p.payload.componentName}” on ${where}`;
  }
  const summary = endpointText(p.context.alert?.summary) ?? p.payload.alertUid;
  return `Resolve the alert “${summary}”`;
}

export const STATE_TONE: Record<ProposalState, BadgeTone> = {
  pending: "warning",
  approved: "info",
  executing: "info",
  succeeded: "success",
  failed: "danger",
  outcome_unknown: "danger",
  rejected: "neutral",
  expired: "neutral",
  planned: "neutral",
};
