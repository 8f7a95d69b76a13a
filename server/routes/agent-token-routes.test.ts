import { describe, expect, it } from "vitest";
import type { AgentToken } from "../contract/agents";
import { callAgentRoute, createAgentToken } from "../testing/agent-helpers";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ devices: 20, seed: 2 });

describe("/api/agent-tokens", () => {
  it("shows the secret once, stores only its hash, and records who did what", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token, agentToken } = await createAgentToken(admin, {
      name: "noc-bot",
      groups: { sites: "read-only" },
    });
    expect(token).toMatch(/^rmmd_agent_[A-Za-z0-9_-]{43}$/);
    expect(agentToken.groups).toEqual({
      sites: "read-only",
      devices: "disabled",
      audit: "disabled",
      alerts: "disabled",
      jobs: "disabled",
    });
    const listed = await admin.getJson<AgentToken[]>("/api/agent-tokens");
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(token.slice(15));
    expect(listed[0]!.hint).toBe(token.slice(0, 15));
    const events = await admin.getJson<{ events: Array<{ kind: string; actor: string }> }>(
      "/api/audit?kind=agent-token",
    );
    expect(events.events[0]).toMatchObject({ kind: "agent-token.created", actor: "admin" });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("is admin only: an approver, a technician and an agent are refused", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token } = await createAgentToken(admin);
    for (const role of ["approver", "technician"]) {
      expect(
        (await (await t.signIn(role)).post("/api/agent-tokens", { name: "x", groups: {} })).status,
      ).toBe(403);
    }
    const asAgent = await t.request("/api/agent-tokens", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asAgent.status).toBe(403);
  });

  it("records the last use, honours the expiry, and a revoked token stops at once", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token, agentToken } = await createAgentToken(admin, {
      expiresAt: t.clock.now() + 3_600_000,
    });
    expect((await callAgentRoute(t, token, "datto-list-sites")).status).toBe(200);
    expect((await admin.getJson<AgentToken>(`/api/agent-tokens/${agentToken.id}`)).lastUsedAt).toBe(
      t.clock.now(),
    );
    await t.clock.advance(3_600_000);
    expect((await callAgentRoute(t, token, "datto-list-sites")).status).toBe(401);
    await admin.patch(`/api/agent-tokens/${agentToken.id}`, { expiresAt: null });
    expect((await callAgentRoute(t, token, "datto-list-sites")).status).toBe(200);
    expect((await admin.delete(`/api/agent-tokens/${agentToken.id}`)).status).toBe(204);
    expect((await callAgentRoute(t, token, "datto-list-sites")).status).toBe(401);
    expect((await admin.delete(`/api/agent-tokens/${agentToken.id}`)).status).toBe(404);
    expect(
      (await admin.patch(`/api/agent-tokens/${agentToken.id}`, { testMode: true })).status,
    ).toBe(404);
    // An unknown token of the right shape, or another prefix, is nobody.
    expect(
      (await callAgentRoute(t, `rmmd_agent_${"x".repeat(43)}`, "datto-list-sites")).status,
    ).toBe(401);
    expect((await callAgentRoute(t, "rmmd_wall_abc", "datto-list-sites")).status).toBe(401);
  });

  it("answers an agent's JSON route with actionable errors", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token } = await createAgentToken(admin);
    expect(await callAgentRoute(t, token, "datto-get-device", {})).toMatchObject({
      status: 400,
      body: {
        error: { code: "invalid_input", message: expect.stringMatching(/deviceUid is required/) },
      },
    });
    expect(await callAgentRoute(t, token, "datto-get-device", { deviceUid: "nope" })).toMatchObject(
      {
        status: 404,
        body: { error: { message: expect.stringMatching(/datto-list-devices/) } },
      },
    );
    expect(await callAgentRoute(t, token, "datto-delete-everything", {})).toMatchObject({
      status: 404,
      body: { error: { code: "unknown_tool" } },
    });
  });
});
