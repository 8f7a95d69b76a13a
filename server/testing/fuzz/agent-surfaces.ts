import { ACTOR_KINDS } from "../../contract/actor";
import { ACCESS_LEVELS, PERMISSION_GROUPS, TOOL_NAMES, TOOL_POLICIES } from "../../contract/agents";
import { PROPOSAL_STATES } from "../../contract/proposals";
import { objectBody, objectText } from "./fuzz-bodies";
import {
  bool,
  field,
  int,
  oneOf,
  RawJson,
  text,
  worst,
  type Field,
  type Sample,
} from "./fuzz-fields";
import { orKnown } from "./fuzz-ids";
import { hostileText } from "./hostile-text";
import type { Surface } from "./surface";

/** Agent tokens, proposals, settings and policies, the agents' JSON tools and the audit log. */

const ok =
  (...statuses: number[]) =>
  () =>
    statuses;

/** A whole JSON number in min..max, or something else JSON can carry. */
function jsonInt(min: number, max: number, o: { nullable?: boolean } = {}): Field {
  return field({ wrong: ["7", true, [], {}, ...(o.nullable ? [] : [null])] }, (f) => {
    if (o.nullable && f.chance(0.1)) return { value: null, verdict: "valid" };
    const value = f.pick([
      () => f.int(min, Math.min(max, min + 1000)),
      () => f.pick([min - 1, min, max, max + 1]),
      () => f.pick([1.5, -0.5, 1e308]),
    ])();
    return {
      value,
      verdict: Number.isInteger(value) && value >= min && value <= max ? "valid" : "invalid",
    };
  });
}

/** { group: level } with the five groups; another key or level is refused (the object is strict). */
const groups = (required: boolean): Field =>
  field({ required, wrong: ["read-write", 42, null, []] }, (f) => {
    const entries: Array<[string, unknown]> = [];
    const verdicts: Sample["verdict"][] = [];
    for (let i = f.int(0, 5); i > 0; i--) {
      if (f.chance(0.85)) {
        const level = f.chance(0.8)
          ? f.pick(ACCESS_LEVELS)
          : f.pick(["READ-WRITE", "rw", hostileText(f), 1]);
        entries.push([f.pick(PERMISSION_GROUPS), level]);
        verdicts.push(
          typeof level === "string" && (ACCESS_LEVELS as readonly string[]).includes(level)
            ? "valid"
            : "invalid",
        );
      } else {
        entries.push([f.pick(["wall", "users", "Sites", hostileText(f)]), "read-only"]);
        verdicts.push("invalid");
      }
    }
    // A key given twice: the later value counts.
    const last = new Map(entries.map(([k], i) => [k, verdicts[i]!]));
    return { value: new RawJson(objectText(entries)), verdict: worst(last.values()) };
  });

/** A tool name in a path: any text reaches the handler, which knows the nine. */
const toolParam: Field = (f, where) => {
  if (f.chance(0.5)) return { value: f.pick(TOOL_NAMES), verdict: "valid", tag: "known" };
  const sample = text({ min: 1, max: 100 })(f, where);
  return { ...sample, tag: TOOL_NAMES.includes(sample.value as never) ? "known" : "unknown" };
};

const webhookUrl: Field = field({ wrong: [42, true, []] }, (f) =>
  f.pick<Sample>([
    { value: "https://hooks.example.com/services/T000/B000/xyz", verdict: "valid" },
    { value: null, verdict: "valid" },
    { value: "http://hooks.example.com/x", verdict: "invalid" },
    { value: "hooks.example.com", verdict: "invalid" },
    { value: `https://x.example/${"a".repeat(600)}`, verdict: "invalid" },
    { value: hostileText(f), verdict: "either" },
  ]),
);

const anything: Field = (f) => ({
  value: f.pick([hostileText(f), 7, null, true, "x".repeat(3000)]),
  verdict: "valid",
});

const comment = text({ max: 500, trim: true });
const digest = field({}, (f) =>
  f.chance(0.5)
    ? { value: "ab".repeat(32), verdict: "valid" }
    : { value: f.pick(["AB".repeat(32), "ab", hostileText(f)]), verdict: "invalid" },
);

export function agentSurfaces(): Record<string, Surface> {
  const tokens = new Map<string, string>();
  const tokenId = orKnown(text({ min: 1, max: 100 }), tokens);
  const tokenBody = (required: boolean) => ({
    name: text({ min: 1, max: 80, trim: true, required }),
    groups: groups(required),
    testMode: bool(),
    expiresAt: jsonInt(1, Number.MAX_SAFE_INTEGER, { nullable: true }),
  });
  const auditQuery = {
    limit: int(1, 500),
    before: int(1, Number.MAX_SAFE_INTEGER),
    kind: text({ max: 100, trim: true }),
    actorKind: oneOf(ACTOR_KINDS),
    actor: text({ max: 200, trim: true }),
    target: text({ max: 200, trim: true }),
    since: int(0, Number.MAX_SAFE_INTEGER),
    until: int(0, Number.MAX_SAFE_INTEGER),
  };
  const proposalId = text({ min: 1, max: 100 });
  return {
    "GET /api/agent-tokens": { answers: ok(200) },
    "POST /api/agent-tokens": {
      body: objectBody(tokenBody(true)),
      answers: ok(201),
      after({ status, body }) {
        if (status === 201)
          tokens.set((body as { agentToken: { id: string } }).agentToken.id, "known");
      },
    },
    "GET /api/agent-tokens/:id": {
      params: { id: tokenId },
      answers: (tags) => (tags.id === "known" ? [200] : [404]),
    },
    "PATCH /api/agent-tokens/:id": {
      params: { id: tokenId },
      body: objectBody(tokenBody(false), {
        atLeastOne: ["name", "groups", "testMode", "expiresAt"],
      }),
      answers: (tags) => (tags.id === "known" ? [200] : [404]),
    },
    "DELETE /api/agent-tokens/:id": {
      params: { id: tokenId },
      answers: (tags) => (tags.id === "known" ? [204] : [404]),
      after({ status, values }) {
        if (status === 204) tokens.delete(String(values.id));
      },
    },
    "GET /api/proposals": {
      query: { state: oneOf([...PROPOSAL_STATES, "decided"]), limit: int(1, 200) },
      answers: ok(200),
    },
    "GET /api/proposals/:id": { params: { id: proposalId }, answers: ok(404) },
    "POST /api/proposals/:id/approve": {
      params: { id: proposalId },
      body: objectBody({ comment, digest }),
      answers: ok(404),
    },
    "POST /api/proposals/:id/reject": {
      params: { id: proposalId },
      body: objectBody({ comment, digest }),
      answers: ok(404),
    },
    "GET /api/settings": { answers: ok(200) },
    "PATCH /api/settings": {
      body: objectBody({ proposalTtlMinutes: jsonInt(5, 1440), proposalWebhookUrl: webhookUrl }),
      answers: ok(200),
    },
    "PUT /api/settings/writes-paused": {
      body: objectBody({ paused: bool({ required: true }) }),
      answers: ok(200),
    },
    "GET /api/settings/tool-policies": { answers: ok(200) },
    "PUT /api/settings/tool-policies/:tool": {
      params: { tool: oneOf(TOOL_NAMES) },
      body: objectBody({ policy: oneOf(TOOL_POLICIES, { required: true }) }),
      answers: ok(200),
    },
    // The fuzz's agent holds no stored token (test-tokens.ts): its calls are refused as such.
    "GET /api/agent/tools": { answers: (_tags, caller) => (caller === "agent" ? [200] : [403]) },
    "POST /api/agent/tools/:tool": {
      params: { tool: toolParam },
      // Any object reaches the tool, which validates its own input after the token's checks.
      body: objectBody({ deviceUid: anything, reason: anything }),
      answers: (tags, caller) => (caller === "agent" && tags.tool !== "known" ? [404] : [403]),
    },
    "GET /api/audit": { query: auditQuery, answers: ok(200) },
    "GET /api/audit/export.csv": { query: auditQuery, answers: ok(200) },
    "GET /api/audit/verify": { answers: ok(200) },
  };
}
