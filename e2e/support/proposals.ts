import { expect, type APIRequestContext } from "@playwright/test";

/**
 * A pending agent proposal (a Flush DNS cache run on a workstation), made the way an agent without
 * MCP does: an admin creates an agent token, the agent calls the JSON tool route. Returns its id.
 */
export async function createProposal(request: APIRequestContext, reason: string): Promise<string> {
  const login = await request.post("/api/auth/login", {
    data: { username: "admin", password: "demo" },
  });
  expect(login.status()).toBe(200);
  const created = await request.post("/api/agent-tokens", {
    data: {
      name: `e2e-agent-${Date.now().toString(36)}`,
      groups: { sites: "read-only", devices: "read-only", jobs: "read-write" },
    },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const listed = await request.post("/api/agent/tools/datto-list-devices", {
    headers,
    data: { deviceType: "workstation", limit: 1 },
  });
  expect(listed.status()).toBe(200);
  const { devices } = (await listed.json()) as { devices: Array<{ deviceUid: string }> };
  const proposed = await request.post("/api/agent/tools/datto-run-quickjob", {
    headers,
    data: { deviceUid: devices[0]!.deviceUid, jobName: "Flush DNS cache", reason },
  });
  const body = (await proposed.json()) as { state: string; proposalId: string };
  expect(body.state).toBe("pending");
  return body.proposalId;
}
