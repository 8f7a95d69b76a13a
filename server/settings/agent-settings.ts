import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import {
  defaultPolicy,
  isWriteTool,
  TOOL_NAMES,
  type AgentSettings,
  type ToolName,
  type ToolPolicy,
  type ToolPolicyRow,
} from "../contract/agents";
import { TOOL_SPECS } from "../agents/tool-catalog";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import type { Outcome } from "../lib/outcome";
import type { LiveBus } from "../live/live-bus";
import type { Store } from "../store/port/store";

const PAUSED = "writes-paused";
const TTL = "proposal-ttl-minutes";
const WEBHOOK = "proposal-webhook-url";
export const DEFAULT_PROPOSAL_TTL_MINUTES = 60;

type PausedValue = { paused: boolean };

/**
 * The settings agents live under: the per-tool policies, the global kill switch and the
 * proposals' expiry and webhook. Read from the store every time (no cache), so another process's
 * change (the kill switch above all) holds at once.
 */
export function createAgentSettings(deps: { store: Store; clock: Clock; live: LiveBus }) {
  const { store, clock, live } = deps;
  const changed = (kind: string) =>
    live.publish({ topic: "settings", kind, id: null, at: clock.now() });

  async function policies(): Promise<ToolPolicyRow[]> {
    const stored = new Map((await store.toolPolicies.list()).map((p) => [p.tool, p]));
    return TOOL_NAMES.map((tool) => {
      const s = stored.get(tool);
      return {
        tool,
        policy: s?.policy ?? defaultPolicy(tool),
        group: TOOL_SPECS[tool].group,
        write: isWriteTool(tool),
        updatedAt: s?.updatedAt ?? null,
        updatedBy: s?.updatedBy ?? null,
      };
    });
  }

  async function read(): Promise<AgentSettings> {
    const [paused, ttl, webhook] = await Promise.all([
      store.settings.get(PAUSED),
      store.settings.get(TTL),
      store.settings.get(WEBHOOK),
    ]);
    const isPaused = (paused?.value as PausedValue | undefined)?.paused === true;
    return {
      writesPaused: isPaused,
      pausedBy: isPaused ? (paused?.updatedBy ?? null) : null,
      pausedAt: isPaused ? (paused?.updatedAt ?? null) : null,
      proposalTtlMinutes: typeof ttl?.value === "number" ? ttl.value : DEFAULT_PROPOSAL_TTL_MINUTES,
      proposalWebhookUrl: typeof webhook?.value === "string" ? webhook.value : null,
    };
  }

  return {
    read,
    policies,
    async policyOf(tool: ToolName): Promise<ToolPolicy> {
      return (
        (await store.toolPolicies.list()).find((p) => p.tool === tool)?.policy ??
        defaultPolicy(tool)
      );
    },
    async writesPaused(): Promise<boolean> {
      return (
        ((await store.settings.get(PAUSED))?.value as PausedValue | undefined)?.paused === true
      );
    },

    /** Anyone signed in may see the kill switch (the shell shows it); the rest is for admins. */
    async get(actor: Actor): Promise<Outcome<{ settings: AgentSettings }>> {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      return { ok: true, settings: await read() };
    },

    async setWritesPaused(
      actor: Actor,
      paused: boolean,
    ): Promise<Outcome<{ settings: AgentSettings }>> {
      const denied = authorize(actor, "settings:manage");
      if (denied) return denied;
      await store.transaction(async (tx) => {
        const was =
          ((await tx.settings.get(PAUSED))?.value as PausedValue | undefined)?.paused === true;
        await tx.settings.set(
          PAUSED,
          { paused } satisfies PausedValue,
          clock.now(),
          actor.kind === "person" ? actor.username : null,
        );
        if (was !== paused) {
          await recordEvent(tx.events, actor, {
            kind: paused ? "settings.writes-paused" : "settings.writes-resumed",
            target: null,
            detail: null,
          });
        }
      });
      changed("writes-paused");
      return { ok: true, settings: await read() };
    },

    async update(
      actor: Actor,
      changes: {
        proposalTtlMinutes?: number | undefined;
        proposalWebhookUrl?: string | null | undefined;
      },
    ): Promise<Outcome<{ settings: AgentSettings }>> {
      const denied = authorize(actor, "settings:manage");
      if (denied) return denied;
      const by = actor.kind === "person" ? actor.username : null;
      await store.transaction(async (tx) => {
        if (changes.proposalTtlMinutes !== undefined) {
          await tx.settings.set(TTL, changes.proposalTtlMinutes, clock.now(), by);
        }
        if (changes.proposalWebhookUrl !== undefined) {
          await tx.settings.set(WEBHOOK, changes.proposalWebhookUrl, clock.now(), by);
        }
        await recordEvent(tx.events, actor, {
          kind: "settings.changed",
          target: null,
          // The webhook URL is a secret of sorts (anyone holding it can post): only say it changed.
          detail: {
            ...(changes.proposalTtlMinutes !== undefined
              ? { proposalTtlMinutes: changes.proposalTtlMinutes }
              : {}),
            ...(changes.proposalWebhookUrl !== undefined
              ? { webhook: changes.proposalWebhookUrl ? "set" : "removed" }
              : {}),
          },
        });
      });
      changed("settings");
      return { ok: true, settings: await read() };
    },

    async setPolicy(
      actor: Actor,
      tool: ToolName,
      policy: ToolPolicy,
    ): Promise<Outcome<{ policies: ToolPolicyRow[] }>> {
      const denied = authorize(actor, "settings:manage");
      if (denied) return denied;
      await store.transaction(async (tx) => {
        await tx.toolPolicies.set(
          tool,
          policy,
          clock.now(),
          actor.kind === "person" ? actor.username : null,
        );
        await recordEvent(tx.events, actor, {
          kind: "tool-policy.changed",
          target: tool,
          detail: { policy },
        });
      });
      changed("tool-policy");
      return { ok: true, policies: await policies() };
    },
  };
}

export type AgentSettingsService = ReturnType<typeof createAgentSettings>;
