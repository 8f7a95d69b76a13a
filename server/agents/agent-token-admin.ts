import { createHash, randomBytes, randomUUID } from "node:crypto";
import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import {
  AGENT_TOKEN_PREFIX,
  fullGroups,
  type AgentToken,
  type CreateAgentToken,
  type UpdateAgentToken,
} from "../contract/agents";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import { refusal, type Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";

/** What is stored of a token: its SHA-256 (the secret has 256 random bits, no salt needed). */
export const hashAgentToken = (token: string) => createHash("sha256").update(token).digest("hex");

const notFound = () =>
  refusal(
    "not-found",
    "agent_token_not_found",
    "No such agent token. It may have been revoked; reload the list.",
  );

const who = (actor: Actor) => (actor.kind === "person" ? actor.username : null);

/**
 * Agent tokens: created by admins and shown once, stored hashed, changed (name, groups, test
 * mode, expiry) and revoked; every change is an audit event.
 */
export function createAgentTokenAdmin({ store, clock }: { store: Store; clock: Clock }) {
  return {
    async list(actor: Actor): Promise<Outcome<{ tokens: AgentToken[] }>> {
      const denied = authorize(actor, "agent-tokens:manage");
      if (denied) return denied;
      return { ok: true, tokens: await store.agentTokens.list() };
    },

    async get(actor: Actor, id: string): Promise<Outcome<{ agentToken: AgentToken }>> {
      const denied = authorize(actor, "agent-tokens:manage");
      if (denied) return denied;
      const found = await store.agentTokens.find(id);
      return found ? { ok: true, agentToken: found } : notFound();
    },

    async create(
      actor: Actor,
      input: CreateAgentToken,
    ): Promise<Outcome<{ token: string; agentToken: AgentToken }>> {
      const denied = authorize(actor, "agent-tokens:manage");
      if (denied) return denied;
      const token = AGENT_TOKEN_PREFIX + randomBytes(32).toString("base64url");
      const agentToken = await store.transaction(async (tx) => {
        const created = await tx.agentTokens.create({
          id: randomUUID(),
          name: input.name,
          tokenHash: hashAgentToken(token),
          hint: token.slice(0, AGENT_TOKEN_PREFIX.length + 4),
          groups: fullGroups(input.groups),
          testMode: input.testMode ?? false,
          createdAt: clock.now(),
          createdBy: who(actor),
          expiresAt: input.expiresAt ?? null,
        });
        await recordEvent(tx.events, actor, {
          kind: "agent-token.created",
          target: created.id,
          detail: {
            name: created.name,
            groups: created.groups,
            testMode: created.testMode,
            expiresAt: created.expiresAt,
          },
        });
        return created;
      });
      return { ok: true, token, agentToken };
    },

    async update(
      actor: Actor,
      id: string,
      changes: UpdateAgentToken,
    ): Promise<Outcome<{ agentToken: AgentToken }>> {
      const denied = authorize(actor, "agent-tokens:manage");
      if (denied) return denied;
      const updated = await store.transaction(async (tx) => {
        const before = await tx.agentTokens.find(id);
        if (!before || before.revokedAt !== null) return null;
        const after = await tx.agentTokens.update(id, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.groups !== undefined
            ? { groups: fullGroups({ ...before.groups, ...changes.groups }) }
            : {}),
          ...(changes.testMode !== undefined ? { testMode: changes.testMode } : {}),
          ...(changes.expiresAt !== undefined ? { expiresAt: changes.expiresAt } : {}),
        });
        if (!after) return null;
        await recordEvent(tx.events, actor, {
          kind: "agent-token.changed",
          target: id,
          detail: {
            name: after.name,
            groups: after.groups,
            testMode: after.testMode,
            expiresAt: after.expiresAt,
          },
        });
        return after;
      });
      return updated ? { ok: true, agentToken: updated } : notFound();
    },

    async revoke(actor: Actor, id: string): Promise<Outcome> {
      const denied = authorize(actor, "agent-tokens:manage");
      if (denied) return denied;
      const revoked = await store.transaction(async (tx) => {
        if (!(await tx.agentTokens.revoke(id, clock.now()))) return false;
        await recordEvent(tx.events, actor, {
          kind: "agent-token.revoked",
          target: id,
          detail: null,
        });
        return true;
      });
      return revoked ? { ok: true } : notFound();
    },
  };
}

export type AgentTokenAdmin = ReturnType<typeof createAgentTokenAdmin>;
