import type { TokenActor } from "../contract/actor";
import { AGENT_GRANTABLE } from "../contract/permissions";

/**
 * An agent and a wall screen holding bearer tokens ("agent-token", "wall-token"), for tests that
 * need every kind of caller until the agent and wall token stores exist: pass `resolveTestToken`
 * as createTestApp's `resolveToken`.
 */
export const testAgent: TokenActor = {
  kind: "agent",
  tokenId: "t-agent",
  name: "triage-bot",
  granted: AGENT_GRANTABLE,
};
export const testWall: TokenActor = { kind: "wall", tokenId: "t-wall", name: "NOC" };

export const resolveTestToken = async (token: string) =>
  token === "agent-token" ? testAgent : token === "wall-token" ? testWall : null;
