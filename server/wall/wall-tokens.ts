import { createHash, randomBytes, randomUUID } from "node:crypto";
import { authorize } from "../auth/authorize";
import type { Actor, WallActor } from "../contract/actor";
import {
  CreateWallTokenSchema,
  WALL_TOKEN_PREFIX,
  type CreateWallToken,
  type WallToken,
} from "../contract/wall";
import { recordEvent } from "../events/record-event";
import type { Clock } from "../lib/clock";
import { refusal, type Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";

/** A wall reads once per refresh; its "last used" time is written at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

export const hashWallToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Wall tokens (issue 12, decision 0025): admins create and revoke them; a wall presents one as a
 * bearer token. The token is shown once, inside the wall's URL, and stored only as its hash. It
 * never expires on its own; revoking it ends it on the wall's next request (no cache in between).
 */
export function createWallTokens(deps: {
  store: Pick<Store, "wallTokens" | "transaction">;
  clock: Clock;
}) {
  const { store, clock } = deps;
  /** The settings of each wall seen lately, refreshed by every request that presents its token. */
  const seen = new Map<string, WallToken>();

  return {
    async create(
      actor: Actor,
      input: CreateWallToken,
      origin: string,
    ): Promise<Outcome<{ wall: WallToken; url: string }>> {
      const denied = authorize(actor, "wall-tokens:manage");
      if (denied) return denied;
      const { name, layout, rotateSeconds } = CreateWallTokenSchema.parse(input);
      const token = `${WALL_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
      const wall = await store.transaction(async (tx) => {
        const created = await tx.wallTokens.create({
          id: randomUUID(),
          tokenHash: hashWallToken(token),
          name,
          layout,
          rotateSeconds,
          createdBy: actor.kind === "person" ? actor.username : null,
        });
        await recordEvent(tx.events, actor, {
          kind: "wall_token.created",
          target: created.id,
          detail: { name, layout },
        });
        return created;
      });
      // In the fragment: browsers never send it to a server, a proxy log or a Referer.
      return { ok: true, wall, url: `${origin}/wall#token=${token}` };
    },

    async list(actor: Actor): Promise<Outcome<{ walls: WallToken[] }>> {
      const denied = authorize(actor, "wall-tokens:manage");
      if (denied) return denied;
      return { ok: true, walls: await store.wallTokens.list() };
    },

    async revoke(actor: Actor, id: string): Promise<Outcome> {
      const denied = authorize(actor, "wall-tokens:manage");
      if (denied) return denied;
      const revoked = await store.transaction(async (tx) => {
        if (!(await tx.wallTokens.revoke(id, clock.now()))) return false;
        await recordEvent(tx.events, actor, {
          kind: "wall_token.revoked",
          target: id,
          detail: null,
        });
        return true;
      });
      seen.delete(id);
      if (!revoked)
        return refusal("not-found", "not_found", "No such wall token (or it was already revoked).");
      return { ok: true };
    },

    /** Bearer token -> the wall holding it, or null (unknown or revoked). */
    async resolve(token: string): Promise<WallActor | null> {
      if (!token.startsWith(WALL_TOKEN_PREFIX)) return null;
      const wall = await store.wallTokens.findActive(hashWallToken(token));
      if (!wall) return null;
      const now = clock.now();
      if (wall.lastUsedAt === null || now - wall.lastUsedAt >= TOUCH_EVERY_MS) {
        await store.wallTokens.touch(wall.id, now);
      }
      seen.set(wall.id, wall);
      return { kind: "wall", tokenId: wall.id, name: wall.name };
    },

    /** The layout of a wall whose token this request presented (resolve() just read it). */
    settingsOf(tokenId: string): Pick<WallToken, "name" | "layout" | "rotateSeconds"> | null {
      const wall = seen.get(tokenId);
      return wall
        ? { name: wall.name, layout: wall.layout, rotateSeconds: wall.rotateSeconds }
        : null;
    },
  };
}

export type WallTokens = ReturnType<typeof createWallTokens>;
