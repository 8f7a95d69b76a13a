import { PROPOSAL_STATE_LABELS, type Proposal } from "../contract/proposals";

/** What a tool answers, whichever way in (MCP or /api/agent/) carries it. */
export type ToolFailure = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 502;
  code: string;
  message: string;
  details?: unknown;
};
export type ToolAnswer = { ok: true; data: unknown } | ToolFailure;

export const fail = (
  status: ToolFailure["status"],
  code: string,
  message: string,
  details?: unknown,
): ToolFailure => ({
  ok: false,
  status,
  code,
  message,
  ...(details === undefined ? {} : { details }),
});

/** A proposal as an agent reads it: its id and state first, the output as untrusted text. */
export function proposalJson(p: Proposal) {
  return {
    proposalId: p.id,
    state: p.state,
    stateLabel: PROPOSAL_STATE_LABELS[p.state],
    tool: p.tool,
    testMode: p.testMode,
    createdAt: new Date(p.createdAt).toISOString(),
    expiresAt: new Date(p.expiresAt).toISOString(),
    decidedBy: p.decidedBy,
    comment: p.comment,
    error: p.error,
    ...(p.result
      ? {
          result: {
            message: p.result.message,
            jobUid: p.result.jobUid,
            devices: p.result.devices.map((d) => ({
              deviceUid: d.deviceUid,
              status: d.status,
              untrusted: { stdout: d.stdout, stderr: d.stderr },
            })),
          },
        }
      : {}),
    ...(p.state === "pending"
      ? {
          next: "Waiting for a person to approve. Check again later with datto-get-proposal; do not propose it again.",
        }
      : {}),
  };
}

/** A validation failure in one line an agent can act on ("deviceUid: Required"). */
export function issuesText(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
    .join(" ");
}
