import type { AgentActor } from "../contract/actor";
import { AGENT_TOKEN_PREFIX, type AgentToken, type Groups } from "../contract/agents";
import type { Permission } from "../contract/permissions";
import type { Clock } from "../lib/clock";
import type { Store } from "../store/port/store";
import { hashAgentToken } from "./agent-token-admin";

/** How often the last use is written (a busy agent must not write on every call). */
const TOUCH_EVERY_MS = 60_000;

/** The coarse permissions a token's groups give (the tools check the groups themselves). */
export function permissionsOfGroups(groups: Groups): Permission[] {
  const granted = new Set<Permission>();
  if (Object.values(groups).some((level) => level !== "disabled")) granted.add("fleet:read");
  if (groups.alerts === "read-write") granted.add("alerts:resolve");
  if (groups.jobs === "read-write") granted.add("jobs:run");
  return [...granted];
}

/** Whether the token may be used now: not revoked, not expired. */
export const isTokenLive = (token: AgentToken, now: number) =>
  token.revokedAt === null && (token.expiresAt === null || token.expiresAt > now);

export const agentActorOf = (token: AgentToken): AgentActor => ({
  kind: "agent",
  tokenId: token.id,
  name: token.name,
  granted: permissionsOfGroups(token.groups),
});

/** `rmmd_agent_...` -> the agent holding it, or null (unknown, revoked or expired). */
export function createAgentTokenResolver({ store, clock }: { store: Store; clock: Clock }) {
  return async (token: string): Promise<AgentActor | null> => {
    if (!token.startsWith(AGENT_TOKEN_PREFIX)) return null;
    const found = await store.agentTokens.findByHash(hashAgentToken(token));
    const now = clock.now();
    if (!found || !isTokenLive(found, now)) return null;
    if (found.lastUsedAt === null || now - found.lastUsedAt >= TOUCH_EVERY_MS) {
      await store.agentTokens.touch(found.id, now);
    }
    return agentActorOf(found);
  };
}
