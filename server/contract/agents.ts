import { z } from "zod";

/**
 * Agents under policy (issue 11): agent tokens with an access level per permission group, the
 * per-tool policies, and the tools themselves. Shared by the server, the MCP server and the SPA.
 */

export const AGENT_TOKEN_PREFIX = "rmmd_agent_";

export const PERMISSION_GROUPS = ["sites", "devices", "audit", "alerts", "jobs"] as const;
export const PermissionGroupSchema = z.enum(PERMISSION_GROUPS);
export type PermissionGroup = z.infer<typeof PermissionGroupSchema>;

export const ACCESS_LEVELS = ["disabled", "read-only", "read-write"] as const;
export const AccessLevelSchema = z.enum(ACCESS_LEVELS, {
  error: "must be disabled, read-only or read-write.",
});
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

export const GROUP_LABELS: Record<PermissionGroup, string> = {
  sites: "Sites",
  devices: "Devices",
  audit: "Audit",
  alerts: "Alerts",
  jobs: "Jobs",
};

/** Missing groups are disabled: a token holds only what it was given. */
export const GroupsSchema = z
  .object(
    {
      sites: AccessLevelSchema.optional(),
      devices: AccessLevelSchema.optional(),
      audit: AccessLevelSchema.optional(),
      alerts: AccessLevelSchema.optional(),
      jobs: AccessLevelSchema.optional(),
    },
    {
      error:
        'groups must be an object of group -> level, e.g. {"sites": "read-only", "jobs": "read-write"}.',
    },
  )
  .strict();
export type Groups = Record<PermissionGroup, AccessLevel>;

export const fullGroups = (partial: z.infer<typeof GroupsSchema>): Groups => ({
  sites: partial.sites ?? "disabled",
  devices: partial.devices ?? "disabled",
  audit: partial.audit ?? "disabled",
  alerts: partial.alerts ?? "disabled",
  jobs: partial.jobs ?? "disabled",
});

const TokenNameSchema = z
  .string({ error: "name is required." })
  .trim()
  .min(1, "name cannot be empty.")
  .max(80, "name can have at most 80 characters.");

/** POST /api/agent-tokens */
export const CreateAgentTokenSchema = z.object({
  name: TokenNameSchema,
  groups: GroupsSchema,
  testMode: z.boolean().optional(),
  /** Epoch ms; omitted or null: never expires. */
  expiresAt: z.number().int().positive().nullable().optional(),
});
export type CreateAgentToken = z.infer<typeof CreateAgentTokenSchema>;

/** PATCH /api/agent-tokens/:id */
export const UpdateAgentTokenSchema = z
  .object({
    name: TokenNameSchema.optional(),
    groups: GroupsSchema.optional(),
    testMode: z.boolean().optional(),
    expiresAt: z.number().int().positive().nullable().optional(),
  })
  .refine(
    (v) => Object.keys(v).length > 0,
    "Send at least one of name, groups, testMode, expiresAt.",
  );
export type UpdateAgentToken = z.infer<typeof UpdateAgentTokenSchema>;

export const AgentTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart; never enough to use. */
  hint: z.string(),
  groups: z.object({
    sites: AccessLevelSchema,
    devices: AccessLevelSchema,
    audit: AccessLevelSchema,
    alerts: AccessLevelSchema,
    jobs: AccessLevelSchema,
  }),
  testMode: z.boolean(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
});
export type AgentToken = z.infer<typeof AgentTokenSchema>;

/** Answer of POST /api/agent-tokens: the secret, shown this once. */
export const CreatedAgentTokenSchema = z.object({
  token: z.string(),
  agentToken: AgentTokenSchema,
});

// ---- tools and their policies ----

export const TOOL_NAMES = [
  "datto-list-sites",
  "datto-get-site",
  "datto-list-devices",
  "datto-get-device",
  "datto-get-device-audit",
  "datto-list-alerts",
  "datto-resolve-alert",
  "datto-run-quickjob",
  "datto-get-proposal",
] as const;
export const ToolNameSchema = z.enum(TOOL_NAMES, {
  error: `tool must be one of ${TOOL_NAMES.join(", ")}.`,
});
export type ToolName = z.infer<typeof ToolNameSchema>;

export const WRITE_TOOLS = [
  "datto-resolve-alert",
  "datto-run-quickjob",
] as const satisfies ToolName[];
export type WriteTool = (typeof WRITE_TOOLS)[number];
export const isWriteTool = (tool: string): tool is WriteTool =>
  (WRITE_TOOLS as readonly string[]).includes(tool);

export const TOOL_POLICIES = ["auto", "approval", "disabled"] as const;
export const ToolPolicySchema = z.enum(TOOL_POLICIES, {
  error: "policy must be auto, approval or disabled.",
});
export type ToolPolicy = z.infer<typeof ToolPolicySchema>;
export const POLICY_LABELS: Record<ToolPolicy, string> = {
  auto: "Auto",
  approval: "Approval needed",
  disabled: "Disabled",
};

/** Reads Auto; the two writes wait for a person (issue 11). */
export const defaultPolicy = (tool: ToolName): ToolPolicy =>
  isWriteTool(tool) ? "approval" : "auto";

export const ToolPolicyRowSchema = z.object({
  tool: ToolNameSchema,
  policy: ToolPolicySchema,
  /** The permission group the tool draws on and the level it needs. */
  group: PermissionGroupSchema.nullable(),
  write: z.boolean(),
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
export type ToolPolicyRow = z.infer<typeof ToolPolicyRowSchema>;

/** PUT /api/settings/tool-policies/:tool */
export const SetToolPolicySchema = z.object({ policy: ToolPolicySchema });

/** PUT /api/settings/writes-paused */
export const WritesPausedSchema = z.object({
  paused: z.boolean({ error: "paused must be true or false." }),
});

/** GET /api/settings */
export const AgentSettingsSchema = z.object({
  writesPaused: z.boolean(),
  pausedBy: z.string().nullable(),
  pausedAt: z.number().nullable(),
  /** How long a proposal waits for a decision. */
  proposalTtlMinutes: z.number(),
  /** Incoming-webhook URL (Slack or Teams) told about each new proposal; null: none. */
  proposalWebhookUrl: z.string().nullable(),
});
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;

export const UpdateAgentSettingsSchema = z.object({
  proposalTtlMinutes: z
    .number()
    .int("must be a whole number of minutes.")
    .min(5, "must be at least 5 minutes.")
    .max(24 * 60, "can be at most 1440 minutes (a day).")
    .optional(),
  proposalWebhookUrl: z
    .url({ protocol: /^https$/, error: "must be an https URL." })
    .max(500)
    .nullable()
    .optional(),
});
