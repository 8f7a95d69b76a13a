import type { AlertCounts } from "../../contract/alerts";
import type { WallLayout, WallToken } from "../../contract/wall";

export type NewWallToken = {
  id: string;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  name: string;
  layout: WallLayout;
  rotateSeconds: number;
  createdBy: string | null;
};

/** Wall tokens (issue 12). Revoked tokens are never listed nor found again. */
export interface WallTokenRepo {
  create(token: NewWallToken): Promise<WallToken>;
  /** Tokens not revoked, oldest first. */
  list(): Promise<WallToken[]>;
  /** The token with this hash, unless revoked. */
  findActive(tokenHash: string): Promise<WallToken | null>;
  /** False when no token with this id is active (never was, or already revoked). */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records that the wall read its summary at `at`. */
  touch(id: string, at: number): Promise<void>;
}

/** Open-alert counts at one minute (epoch ms, the start of the minute). */
export type AlertSample = AlertCounts & { at: number };

/** The wall's trend samples: at most one per `at`, a second put for the same minute replaces it. */
export interface WallSampleRepo {
  put(sample: AlertSample): Promise<void>;
  /** Samples at or after `at`, oldest first. */
  since(at: number): Promise<AlertSample[]>;
  /** Deletes samples before `at`; resolves to how many. */
  deleteBefore(at: number): Promise<number>;
}
