import type { AgentToken } from "../contract/agents";
import { GROUP_LABELS, ToolNameSchema } from "../contract/agents";
import type { DeviceAlert } from "../contract/alerts";
import type { DeviceRow } from "../contract/devices";
import type { Component, checkVariables as CheckVariables } from "../agents/component-lookup";
import { isTokenLive } from "../agents/agent-token-resolver";
import { TOOL_SPECS } from "../agents/tool-catalog";
import type { Clock } from "../lib/clock";
import type { ProposalRecord } from "../store/port/proposal-repo";

export type RecheckDeps = {
  clock: Clock;
  settings: { policyOf(tool: ReturnType<typeof ToolNameSchema.parse>): Promise<string> };
  device(uid: string): DeviceRow | null;
  component(uid: string): Promise<Component | null>;
  alert(uid: string): Promise<DeviceAlert | null>;
  checkVariables: typeof CheckVariables;
};

/**
 * Everything checked again right before an approved proposal is sent (issue 11): the token and
 * its group, the tool's policy, the device, the component and its variables, the alert's open
 * state. Null when it may run; else why not, in words for the history and the agent.
 */
export async function checkProposal(
  p: ProposalRecord,
  token: AgentToken | null,
  deps: RecheckDeps,
): Promise<string | null> {
  if (!token || !isTokenLive(token, deps.clock.now()))
    return "The agent token was revoked or expired before it ran.";
  const tool = ToolNameSchema.safeParse(p.tool);
  if (!tool.success) return `Unknown tool ${p.tool}.`;
  const group = TOOL_SPECS[tool.data].group;
  if (group && token.groups[group] !== "read-write") {
    return `The token no longer has ${GROUP_LABELS[group]}: Read / Write.`;
  }
  if ((await deps.settings.policyOf(tool.data)) === "disabled")
    return `${p.tool} was disabled by a tool policy.`;
  const payload = p.payload;
  if (payload.action === "resolve-alert") {
    const alert = await deps.alert(payload.alertUid);
    if (!alert) return "The alert no longer exists in Datto.";
    if (alert.resolved) return "The alert was already resolved.";
    return null;
  }
  if (!deps.device(payload.deviceUid)) return "The device is no longer in the account.";
  const component = await deps.component(payload.componentUid);
  if (!component) return `The component "${payload.componentName}" is no longer in the account.`;
  const variables = deps.checkVariables(component, payload.variables);
  if (!variables.ok) return `The component changed: ${variables.message}`;
  return null;
}

/** A resolve whose alert Datto already shows resolved: nothing to send. */
export async function alreadyDone(
  p: ProposalRecord,
  deps: Pick<RecheckDeps, "alert">,
): Promise<string | null> {
  if (p.payload.action !== "resolve-alert") return null;
  const alert = await deps.alert(p.payload.alertUid);
  if (!alert?.resolved) return null;
  return `Datto already shows the alert resolved${alert.resolvedBy ? ` (by ${alert.resolvedBy})` : ""}; nothing was sent.`;
}
