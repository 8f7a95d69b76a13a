import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { AgentToken, CreateAgentToken } from "../contract/agents";
import type { TestApp } from "./create-test-app";
import type { TestClient } from "./test-client";

export const ALL_READ_WRITE = {
  sites: "read-write",
  devices: "read-write",
  audit: "read-write",
  alerts: "read-write",
  jobs: "read-write",
} as const;

/** Creates an agent token through POST /api/agent-tokens as `admin`; the secret and its record. */
export async function createAgentToken(
  admin: TestClient,
  input: Partial<CreateAgentToken> = {},
): Promise<{ token: string; agentToken: AgentToken }> {
  const res = await admin.post("/api/agent-tokens", {
    name: "triage-bot",
    groups: ALL_READ_WRITE,
    ...input,
  });
  if (res.status !== 201) throw new Error(`creating a token: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; agentToken: AgentToken };
}

/** The MCP SDK's own client, speaking Streamable HTTP to the app's /mcp in process. */
export async function connectMcp(t: TestApp, token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL("http://localhost/mcp"), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => Promise.resolve(t.app.fetch(new Request(url, init))),
  });
  const client = new Client({ name: "test-agent", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

/** Calls a tool and parses its one JSON text answer. */
export async function callTool<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ isError: boolean; body: T }> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as Array<{ type: string; text: string }>;
  return { isError: result.isError === true, body: JSON.parse(content[0]!.text) as T };
}

/** A POST to /api/agent/tools/<tool> with the token: the JSON route for agents without MCP. */
export async function callAgentRoute(t: TestApp, token: string, tool: string, input: unknown = {}) {
  const res = await t.request(`/api/agent/tools/${tool}`, {
    method: "POST",
    json: input,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export const quickJobPuts = (t: TestApp) =>
  t.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"] ?? 0;
export const alertResolves = (t: TestApp) =>
  t.sim.control.counters().byRoute["POST /v2/alert/{alertUid}/resolve"] ?? 0;

/**
 * The job launcher sends its PUTs in the background (paced by the write budget): lets the manual
 * clock run until at least `atLeast` quick jobs reached the simulator, then a while longer so a
 * duplicate would show too. Answers how many there were.
 */
export async function settlePuts(t: TestApp, atLeast: number): Promise<number> {
  const turn = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await t.clock.advance(250);
  };
  for (let i = 0; i < 400 && quickJobPuts(t) < atLeast; i++) await turn();
  for (let i = 0; i < 40; i++) await turn();
  return quickJobPuts(t);
}
