import type { Role } from "./roles";
import {
  AGENT_GRANTABLE,
  CLI_PERMISSIONS,
  ROLE_PERMISSIONS,
  WALL_PERMISSIONS,
  type Permission,
} from "./permissions";

/**
 * Who is asking. Every request resolves to one actor, or to null (anonymous): a person by their
 * session cookie, an agent or a wall by a bearer token. Use-cases take the actor and check its
 * permission themselves, so every way in (routes, MCP tools, the approvals executor) is checked.
 */
export type PersonActor = {
  kind: "person";
  userId: string;
  username: string;
  role: Role;
  /** The stored hash of the session (never the cookie value). */
  sessionId: string;
};

/** An AI agent (MCP client or HTTP caller) holding an agent token. */
export type AgentActor = {
  kind: "agent";
  tokenId: string;
  name: string;
  /** What the token was given; only AGENT_GRANTABLE ones count. */
  granted: readonly Permission[];
};

/** A NOC wall screen holding a wall token: reads the wall summary, nothing else. */
export type WallActor = { kind: "wall"; tokenId: string; name: string };

/** The operator at the server's command line (`npm run user`); never the result of a request. */
export type CliActor = { kind: "cli" };

export type Actor = PersonActor | AgentActor | WallActor | CliActor;

export const ACTOR_KINDS = ["person", "agent", "wall", "cli"] as const satisfies ReadonlyArray<
  Actor["kind"]
>;

/** Actors a request can resolve to from a bearer token. */
export type TokenActor = AgentActor | WallActor;

function permissionsOf(actor: Actor): readonly Permission[] {
  switch (actor.kind) {
    case "person":
      return ROLE_PERMISSIONS[actor.role];
    case "agent":
      return actor.granted.filter((p) => AGENT_GRANTABLE.includes(p));
    case "wall":
      return WALL_PERMISSIONS;
    case "cli":
      return CLI_PERMISSIONS;
  }
}

export const can = (actor: Actor | null, permission: Permission): boolean =>
  actor !== null && permissionsOf(actor).includes(permission);

/** Which account or token it is: the user id, the token id; the CLI has none. */
export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case "person":
      return actor.userId;
    case "agent":
    case "wall":
      return actor.tokenId;
    case "cli":
      return null;
  }
}

/** Who did it, as the event log shows it. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "person":
      return actor.username;
    case "agent":
    case "wall":
      return `${actor.kind}:${actor.name}`;
    case "cli":
      return "cli";
  }
}

/** The Hono context variables every request carries (middleware sets them, routes read them). */
export type AppEnv = {
  Variables: {
    requestId: string;
    actor: PersonActor | TokenActor | null;
  };
};

/** One key per caller for per-caller limits (the Datto allowance, exports): a person or a token. */
export const actorKey = (actor: PersonActor | TokenActor) =>
  actor.kind === "person" ? `person:${actor.userId}` : `${actor.kind}:${actor.tokenId}`;
