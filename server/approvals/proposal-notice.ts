import type { ProposalPayload, ProposalResult } from "../contract/proposals";
import type { ProposalRecord } from "../store/port/proposal-repo";
import type { ProposalDeps } from "./proposals";

/** What a planned (test-mode) write would have sent to Datto. */
export function plannedRequest(p: ProposalPayload, agent: string): ProposalResult {
  const message =
    p.action === "run-quickjob"
      ? `Test mode: would send PUT /v2/device/${p.deviceUid}/quickjob ${JSON.stringify({
          jobName: `${p.componentName} (RMM Deck: agent ${agent}, approved by <approver>)`,
          jobComponent: {
            componentUid: p.componentUid,
            variables: Object.entries(p.variables).map(([name, value]) => ({ name, value })),
          },
        })}`
      : `Test mode: would send POST /v2/alert/${p.alertUid}/resolve`;
  return { jobUid: null, jobName: null, devices: [], message };
}

/** Tells the incoming webhook (Slack/Teams format), if one is set, about a new proposal. */
export async function notifyNewProposal(
  p: ProposalRecord,
  deps: Pick<ProposalDeps, "notify" | "settings" | "logger">,
) {
  if (!deps.notify) return;
  const { proposalWebhookUrl } = await deps.settings.read();
  if (!proposalWebhookUrl) return;
  const what =
    p.payload.action === "run-quickjob"
      ? `run "${p.payload.componentName}" on ${p.context.device?.hostname ?? p.payload.deviceUid}`
      : `resolve the alert "${p.context.alert?.summary ?? p.payload.alertUid}"`;
  const text = `RMM Deck: agent ${p.agentName} proposes to ${what}. Reason: ${p.reason}${p.risks.length ? ` Risks: ${p.risks.join("; ")}.` : ""} Decide in the approval queue.`;
  deps.notify(proposalWebhookUrl, text).catch((error: unknown) =>
    deps.logger.warn("proposal webhook failed", {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
