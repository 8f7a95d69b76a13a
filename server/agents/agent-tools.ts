import type { AgentActor } from "../contract/actor";
import {
  GROUP_LABELS,
  TOOL_NAMES,
  ToolNameSchema,
  type AgentToken,
  type ToolName,
} from "../contract/agents";
import { PROPOSAL_STATE_LABELS, type Proposal } from "../contract/proposals";
import { DattoError } from "../datto/gateway/datto-error";
import type { Clock } from "../lib/clock";
import type { Proposals } from "../approvals/proposals";
import type { AgentSettingsService } from "../settings/agent-settings";
import type { Store } from "../store/port/store";
import { isTokenLive } from "./agent-token-resolver";
import {
  deviceJson,
  isServer,
  siteJson,
  UNTRUSTED_NOTICE,
  type AgentReads,
  type OpenAlertSource,
} from "./agent-reads";
import { checkVariables, type ComponentLookup } from "./component-lookup";
import { TOOL_INPUTS, TOOL_SPECS, type ToolInput } from "./tool-catalog";

export type ToolFailure = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 502;
  code: string;
  message: string;
  details?: unknown;
};
export type ToolAnswer = { ok: true; data: unknown } | ToolFailure;

const fail = (
  status: ToolFailure["status"],
  code: string,
  message: string,
  details?: unknown,
): ToolFailure => ({
  ok: false,
  status,
  code,
  message,
  ...(details === undefined ? {} : { details }),
});

/** A proposal as an agent reads it: its id and state first, the output as untrusted text. */
export function proposalJson(p: Proposal) {
  return {
    proposalId: p.id,
    state: p.state,
    stateLabel: PROPOSAL_STATE_LABELS[p.state],
    tool: p.tool,
    testMode: p.testMode,
    createdAt: new Date(p.createdAt).toISOString(),
    expiresAt: new Date(p.expiresAt).toISOString(),
    decidedBy: p.decidedBy,
    comment: p.comment,
    error: p.error,
    ...(p.result
      ? {
          result: {
            message: p.result.message,
            jobUid: p.result.jobUid,
            devices: p.result.devices.map((d) => ({
              deviceUid: d.deviceUid,
              status: d.status,
              untrusted: { stdout: d.stdout, stderr: d.stderr },
            })),
          },
        }
      : {}),
    ...(p.state === "pending"
      ? {
          next: "Waiting for a person to approve. Check again later with datto-get-proposal; do not propose it again.",
        }
      : {}),
  };
}

function issuesText(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
    .join(" ");
}

/**
 * The agent's tools behind every way in (MCP and /api/agent/): the token is read afresh, its
 * permission group and the tool's policy are checked, the input validated, then a read answers
 * or a write becomes a proposal.
 */
export function createAgentTools(deps: {
  store: Store;
  clock: Clock;
  settings: AgentSettingsService;
  reads: AgentReads;
  alerts: OpenAlertSource;
  components: Pick<ComponentLookup, "find">;
  proposals: Proposals;
}) {
  const { store, clock, settings, reads, alerts, components, proposals } = deps;

  /** Why this token may not use this tool now, or null. */
  async function refusalFor(token: AgentToken | null, tool: ToolName): Promise<ToolFailure | null> {
    if (!token || !isTokenLive(token, clock.now())) {
      return fail(
        403,
        "token_not_valid",
        "This agent token was revoked or has expired. Ask an admin for a new one.",
      );
    }
    const spec = TOOL_SPECS[tool];
    if (spec.group) {
      const level = token.groups[spec.group];
      if (level === "disabled" || (spec.level === "read-write" && level !== "read-write")) {
        return fail(
          403,
          "group_not_allowed",
          `${tool} needs ${GROUP_LABELS[spec.group]}: ${spec.level === "read-write" ? "Read / Write" : "Read Only"}; this token has ${GROUP_LABELS[spec.group]}: ${level === "disabled" ? "Disabled" : level === "read-only" ? "Read Only" : "Read / Write"}.`,
        );
      }
    }
    if ((await settings.policyOf(tool)) === "disabled") {
      return fail(403, "tool_disabled", `${tool} is disabled by an admin's tool policy.`);
    }
    return null;
  }

  async function run(
    actor: AgentActor,
    token: AgentToken,
    tool: ToolName,
    input: unknown,
  ): Promise<ToolAnswer> {
    switch (tool) {
      case "datto-list-sites":
        return { ok: true, data: reads.listSites(input as ToolInput<typeof tool>) };
      case "datto-get-site": {
        const { siteUid } = input as ToolInput<typeof tool>;
        const site = reads.site(siteUid);
        if (!site)
          return fail(
            404,
            "site_not_found",
            `No site ${siteUid}. Use datto-list-sites to find its uid.`,
          );
        return { ok: true, data: { notice: UNTRUSTED_NOTICE, site: siteJson(site) } };
      }
      case "datto-list-devices":
        return { ok: true, data: reads.listDevices(input as ToolInput<typeof tool>) };
      case "datto-get-device": {
        const { deviceUid } = input as ToolInput<typeof tool>;
        const device = reads.device(deviceUid);
        if (!device)
          return fail(
            404,
            "device_not_found",
            `No device ${deviceUid}. Use datto-list-devices to find its uid.`,
          );
        return { ok: true, data: { notice: UNTRUSTED_NOTICE, device: deviceJson(device) } };
      }
      case "datto-get-device-audit": {
        const i = input as ToolInput<typeof tool>;
        const device = reads.device(i.deviceUid);
        if (!device)
          return fail(
            404,
            "device_not_found",
            `No device ${i.deviceUid}. Use datto-list-devices to find its uid.`,
          );
        return { ok: true, data: await reads.audit(i, device) };
      }
      case "datto-list-alerts":
        return { ok: true, data: await reads.listAlerts(input as ToolInput<typeof tool>) };
      case "datto-get-proposal": {
        const { proposalId } = input as ToolInput<typeof tool>;
        const found = await proposals.get(actor, proposalId);
        if (!found.ok) return fail(404, found.code, found.message);
        return { ok: true, data: proposalJson(found.proposal) };
      }
      case "datto-resolve-alert":
        return resolveAlert(actor, token, input as ToolInput<typeof tool>);
      case "datto-run-quickjob":
        return runQuickJob(actor, token, input as ToolInput<typeof tool>);
    }
  }

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

  return {
    /** The tools this token may see: the nine, less those its groups or the policies rule out. */
    async available(actor: AgentActor): Promise<ToolName[]> {
      const token = await store.agentTokens.find(actor.tokenId);
      const out: ToolName[] = [];
      for (const tool of TOOL_NAMES) if (!(await refusalFor(token, tool))) out.push(tool);
      return out;
    },

    async call(actor: AgentActor, name: string, raw: unknown): Promise<ToolAnswer> {
      const tool = ToolNameSchema.safeParse(name);
      if (!tool.success)
        return fail(404, "unknown_tool", `No tool ${name}. Tools: ${TOOL_NAMES.join(", ")}.`);
      const token = await store.agentTokens.find(actor.tokenId);
      const refused = await refusalFor(token, tool.data);
      if (refused) return refused;
      const input = TOOL_INPUTS[tool.data].safeParse(raw ?? {});
      if (!input.success) return fail(400, "invalid_input", issuesText(input.error));
      try {
        return await run(actor, token!, tool.data, input.data);
      } catch (error) {
        if (!(error instanceof DattoError)) throw error;
        return fail(502, "datto_unavailable", `Datto could not answer: ${error.message}`);
      }
    },
  };
}

export type AgentTools = ReturnType<typeof createAgentTools>;

const contextDevice = (d: ReturnType<AgentReads["device"]> & object) => ({
  uid: d.uid,
  hostname: d.hostname,
  siteName: d.siteName,
  online: d.online,
  lastSeen: d.lastSeen,
  deviceType: d.deviceType.category,
});
