import type { AgentToken, Groups, ToolName, ToolPolicy } from "../../contract/agents";

export type NewAgentToken = {
  id: string;
  name: string;
  tokenHash: string;
  hint: string;
  groups: Groups;
  testMode: boolean;
  createdAt: number;
  createdBy: string | null;
  expiresAt: number | null;
};

export type AgentTokenChanges = Partial<
  Pick<AgentToken, "name" | "groups" | "testMode" | "expiresAt">
>;

/** Agent tokens: only the SHA-256 of the secret is stored. */
export interface AgentTokenRepo {
  create(token: NewAgentToken): Promise<AgentToken>;
  list(): Promise<AgentToken[]>;
  find(id: string): Promise<AgentToken | null>;
  findByHash(tokenHash: string): Promise<AgentToken | null>;
  /** Null when no such token, or it is revoked (a revoked token is never changed). */
  update(id: string, changes: AgentTokenChanges): Promise<AgentToken | null>;
  /** True when this call revoked it (false: unknown or already revoked). */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records the last use (at most once a minute per token is enough: callers may skip). */
  touch(id: string, at: number): Promise<void>;
}

export type StoredPolicy = {
  tool: ToolName;
  policy: ToolPolicy;
  updatedAt: number;
  updatedBy: string | null;
};

/** Per-tool policies that an admin changed; tools not listed keep their default. */
export interface ToolPolicyRepo {
  list(): Promise<StoredPolicy[]>;
  set(tool: ToolName, policy: ToolPolicy, at: number, by: string | null): Promise<void>;
}

export type StoredSetting = { value: unknown; updatedAt: number; updatedBy: string | null };

/** The console's own settings, key -> JSON value. Read fresh: another process may change them. */
export interface SettingsRepo {
  get(key: string): Promise<StoredSetting | null>;
  set(key: string, value: unknown, at: number, by: string | null): Promise<void>;
}
