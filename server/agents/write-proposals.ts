import type { AgentActor } from "../contract/actor";
import type { AgentToken } from "../contract/agents";
import type { Proposals } from "../approvals/proposals";
import type { AgentSettingsService } from "../settings/agent-settings";
import type { Store } from "../store/port/store";
import { isServer, type AgentReads, type OpenAlertSource } from "./agent-reads";
import { checkVariables, type ComponentLookup } from "./component-lookup";
import type { ToolInput } from "./tool-catalog";
import { fail, proposalJson } from "./tool-answers";

/**
 * The agent's write tools: each checks its target exists, names the risks a person should weigh
 * (a Critical alert, a server, an offline device, the same component pending on other devices)
 * and becomes a proposal, approved by a person or run at once when the tool's policy is "auto".
 */
export function createWriteProposals(deps: {
  store: Pick<Store, "proposals">;
  settings: Pick<AgentSettingsService, "policyOf">;
  reads: Pick<AgentReads, "device">;
  alerts: OpenAlertSource;
  components: Pick<ComponentLookup, "find">;
  proposals: Pick<Proposals, "propose">;
}) {
  const { store, settings, reads, alerts, components, proposals } = deps;

  async function proposed(
    actor: AgentActor,
    token: AgentToken,
    p: Parameters<Proposals["propose"]>[2],
  ) {
    const policy = await settings.policyOf(p.tool);
    const proposal = await proposals.propose(
      actor,
      token,
      p,
      policy === "auto" ? "auto" : "approval",
    );
    return { ok: true as const, data: proposalJson(proposal) };
  }

  async function resolveAlert(
    actor: AgentActor,
    token: AgentToken,
    input: ToolInput<"datto-resolve-alert">,
  ) {
    const alert = await alerts.get(input.alertUid);
    if (!alert)
      return fail(
        404,
        "alert_not_found",
        `No alert ${input.alertUid}. Use datto-list-alerts to find open alerts.`,
      );
    if (alert.resolved)
      return fail(409, "alert_already_resolved", `Alert ${input.alertUid} is already resolved.`);
    const device = alert.deviceUid ? reads.device(alert.deviceUid) : null;
    const risks = [
      ...(alert.priority === "Critical" ? ["a Critical alert"] : []),
      ...(device && isServer(device) ? ["on a server"] : []),
    ];
    return proposed(actor, token, {
      tool: "datto-resolve-alert",
      payload: { action: "resolve-alert", alertUid: alert.alertUid },
      reason: input.reason,
      risks,
      context: {
        device: device && contextDevice(device),
        component: null,
        alert: {
          uid: alert.alertUid,
          summary: alert.contextSummary,
          priority: alert.priority,
          resolved: alert.resolved,
        },
      },
    });
  }

  async function runQuickJob(
    actor: AgentActor,
    token: AgentToken,
    input: ToolInput<"datto-run-quickjob">,
  ) {
    const device = reads.device(input.deviceUid);
    if (!device) {
      return fail(
        404,
        "device_not_found",
        `No device ${input.deviceUid}. Use datto-list-devices to find its uid.`,
      );
    }
    const found = await components.find(input.jobName);
    if (!found.ok) {
      return fail(found.code === "component_ambiguous" ? 400 : 404, found.code, found.message, {
        candidates: found.candidates,
      });
    }
    const checked = checkVariables(found.component, input.variables ?? {});
    if (!checked.ok) return fail(400, "invalid_variables", checked.message);
    const othersPending = (await store.proposals.list({ states: ["pending"], limit: 200 })).filter(
      (p) =>
        p.tokenId === token.id &&
        p.payload.action === "run-quickjob" &&
        p.payload.componentUid === found.component.uid &&
        p.payload.deviceUid !== device.uid,
    ).length;
    const risks = [
      ...(isServer(device) ? ["runs on a server"] : []),
      ...(!device.online ? ["the device is offline: Datto queues the job until it is back"] : []),
      ...(othersPending > 0
        ? [`several devices: ${othersPending + 1} devices pending for this component`]
        : []),
    ];
    return proposed(actor, token, {
      tool: "datto-run-quickjob",
      payload: {
        action: "run-quickjob",
        deviceUid: device.uid,
        componentUid: found.component.uid,
        componentName: found.component.name,
        variables: checked.variables,
      },
      reason: input.reason,
      risks,
      context: {
        device: contextDevice(device),
        component: {
          uid: found.component.uid,
          name: found.component.name,
          description: found.component.description,
        },
        alert: null,
      },
    });
  }

  return { resolveAlert, runQuickJob };
}

const contextDevice = (d: ReturnType<AgentReads["device"]> & object) => ({
  uid: d.uid,
  hostname: d.hostname,
  siteName: d.siteName,
  online: d.online,
  lastSeen: d.lastSeen,
  deviceType: d.deviceType.category,
});
