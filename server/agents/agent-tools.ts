import type { AgentActor } from "../contract/actor";
import {
  GROUP_LABELS,
  TOOL_NAMES,
  ToolNameSchema,
  type AgentToken,
  type ToolName,
} from "../contract/agents";
import { DattoError } from "../datto/gateway/datto-error";
import type { Clock } from "../lib/clock";
import type { Proposals } from "../approvals/proposals";
import type { AgentSettingsService } from "../settings/agent-settings";
import type { Store } from "../store/port/store";
import { isTokenLive } from "./agent-token-resolver";
import {
  deviceJson,
  siteJson,
  UNTRUSTED_NOTICE,
  type AgentReads,
  type OpenAlertSource,
} from "./agent-reads";
import type { ComponentLookup } from "./component-lookup";
import { TOOL_INPUTS, TOOL_SPECS, type ToolInput } from "./tool-catalog";
import { fail, issuesText, proposalJson, type ToolAnswer, type ToolFailure } from "./tool-answers";
import { createWriteProposals } from "./write-proposals";

export { proposalJson, type ToolAnswer, type ToolFailure } from "./tool-answers";

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
  const { store, clock, settings, reads, proposals } = deps;
  const writes = createWriteProposals(deps);

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
        return writes.resolveAlert(actor, token, input as ToolInput<typeof tool>);
      case "datto-run-quickjob":
        return writes.runQuickJob(actor, token, input as ToolInput<typeof tool>);
    }
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
