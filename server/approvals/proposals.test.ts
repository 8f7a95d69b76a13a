import { describe, expect, it } from "vitest";
import type { Proposal } from "../contract/proposals";
import { DattoError } from "../datto/gateway/datto-error";
import {
  ALL_READ_WRITE,
  alertResolves,
  callAgentRoute,
  callTool,
  connectMcp,
  createAgentToken,
  settlePuts,
} from "../testing/agent-helpers";
import type { TestApp } from "../testing/create-test-app";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ devices: 60, seed: 1 });

type Answer = { proposalId: string; state: string };

/** An app, an admin, an approver, a token and a device to run jobs on. */
async function world(tokenInput: Parameters<typeof createAgentToken>[1] = {}) {
  const t = await setup();
  const admin = await t.signIn("admin");
  const approver = await t.signIn("approver");
  const { token, agentToken } = await createAgentToken(admin, tokenInput);
  const device = t.fleet.snapshot().devices.find((d) => d.deviceClass === "device" && d.online)!;
  const propose = (variables: Record<string, unknown> = { days: 30 }) =>
    callAgentRoute(t, token, "datto-run-quickjob", {
      deviceUid: device.uid,
      jobName: "Disk Cleanup - Temp Files",
      variables,
      reason: "Free some space.",
    });
  return { t, admin, approver, token, agentToken, device, propose };
}

const proposalOf = async (t: TestApp, id: string) => (await t.store.proposals.find(id))!;

describe("proposals", () => {
  it("answer at once as pending, merge identical requests, and a changed payload is a new proposal", async () => {
    const { t, propose } = await world();
    const first = await propose();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: "pending", stateLabel: "pending approval" });
    const again = await propose();
    expect(again.body.proposalId).toBe(first.body.proposalId);
    expect((await proposalOf(t, String(first.body.proposalId))).requests).toBe(2);
    const changed = await propose({ days: 31 });
    expect(changed.body.proposalId).not.toBe(first.body.proposalId);
    expect(await settlePuts(t, 0)).toBe(0);
  });

  it("run exactly once under 100 concurrent approvals and executions in one process", async () => {
    const { t, approver, admin, propose } = await world();
    const id = String((await propose()).body.proposalId);
    const calls = Array.from({ length: 100 }, (_, i) =>
      i % 3 === 2
        ? t.services.proposals.execute(id)
        : (i % 3 === 0 ? approver : admin)
            .post(`/api/proposals/${id}/approve`, {})
            .then((r) => r.status),
    );
    const results = await t.settle(Promise.all(calls));
    expect(results.filter((r) => r === 200)).toHaveLength(1);
    expect(results.filter((r) => r === 409).length).toBeGreaterThan(0);
    expect(await settlePuts(t, 1)).toBe(1);
    expect((await proposalOf(t, id)).state).toBe("succeeded");
  });

  it("bind an approval to the digest the approver saw", async () => {
    const { t, approver, propose } = await world();
    const id = String((await propose()).body.proposalId);
    const wrong = await approver.post(`/api/proposals/${id}/approve`, { digest: "0".repeat(64) });
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: "digest_mismatch" } });
    const { digest } = await proposalOf(t, id);
    const right = await approver.post(`/api/proposals/${id}/approve`, { digest });
    expect(right.status).toBe(200);
    expect(await settlePuts(t, 1)).toBe(1);
  });

  it("are never decided by an agent or a technician, and rejected or expired ones never run", async () => {
    const { t, token, approver, propose } = await world();
    const id = String((await propose()).body.proposalId);
    const byAgent = await t.request(`/api/proposals/${id}/approve`, {
      method: "POST",
      json: {},
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byAgent.status).toBe(403);
    const technician = await t.signIn("technician");
    expect((await technician.post(`/api/proposals/${id}/approve`, {})).status).toBe(403);
    // Even an agent actor holding the permission is refused by the use-case itself.
    const agentActor = {
      kind: "agent" as const,
      tokenId: "x",
      name: "x",
      granted: ["proposals:decide" as const],
    };
    expect(await t.services.proposals.decide(agentActor, id, "approve", {})).toMatchObject({
      ok: false,
    });

    const rejected = await approver.post(`/api/proposals/${id}/reject`, { comment: "not now" });
    expect(((await rejected.json()) as Proposal).state).toBe("rejected");
    expect((await approver.post(`/api/proposals/${id}/approve`, {})).status).toBe(409);
    await t.services.proposals.execute(id);

    const later = String((await propose({ days: 5 })).body.proposalId);
    await t.clock.advance(61 * 60_000);
    const expired = await approver.post(`/api/proposals/${later}/approve`, {});
    expect(expired.status).toBe(409);
    expect((await proposalOf(t, later)).state).toBe("expired");
    await t.services.proposalWorker.tick();
    expect(await settlePuts(t, 0)).toBe(0);
  });

  it("in test mode are planned with what would be sent, and make zero writes", async () => {
    const { t, approver, propose } = await world({ testMode: true });
    const planned = await propose();
    expect(planned.body).toMatchObject({ state: "planned", testMode: true });
    const p = await proposalOf(t, String(planned.body.proposalId));
    expect(p.result?.message).toMatch(/would send PUT \/v2\/device\/.+\/quickjob/);
    expect((await approver.post(`/api/proposals/${p.id}/approve`, {})).status).toBe(409);
    await t.services.proposalWorker.tick();
    expect(await settlePuts(t, 0)).toBe(0);
  });

  it("wait while the kill switch is on (people's writes too), and run once it is off", async () => {
    const { t, admin, approver, propose } = await world();
    const id = String((await propose()).body.proposalId);
    expect((await admin.put("/api/settings/writes-paused", { paused: true })).status).toBe(200);
    expect((await approver.getJson<{ writesPaused: boolean }>("/api/settings")).writesPaused).toBe(
      true,
    );
    const approved = (await (
      await approver.post(`/api/proposals/${id}/approve`, {})
    ).json()) as Proposal;
    expect(approved.state).toBe("approved");
    await t.services.proposalWorker.tick();
    const alert = t.sim.tenant.openAlerts()[0]!;
    await expect(t.datto.resolveAlert(alert.alertUid!)).rejects.toThrow(DattoError);
    expect((await settlePuts(t, 0)) + alertResolves(t)).toBe(0);

    await admin.put("/api/settings/writes-paused", { paused: false });
    await t.settle(t.services.proposalWorker.tick());
    expect((await proposalOf(t, id)).state).toBe("succeeded");
    expect(await settlePuts(t, 1)).toBe(1);
  });

  it("check again at execution: a token revoked or downgraded after proposing fails, unsent", async () => {
    const { t, admin, approver, agentToken, propose } = await world();
    const id = String((await propose()).body.proposalId);
    await admin.patch(`/api/agent-tokens/${agentToken.id}`, { groups: { jobs: "read-only" } });
    const failed = (await (
      await approver.post(`/api/proposals/${id}/approve`, {})
    ).json()) as Proposal;
    expect(failed).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/Jobs: Read \/ Write/),
    });
    expect(await settlePuts(t, 0)).toBe(0);
  });

  it("run at once under policy Auto, still audited", async () => {
    const { t, admin, propose } = await world();
    await admin.put("/api/settings/tool-policies/datto-run-quickjob", { policy: "auto" });
    const done = await t.settle(propose());
    expect(done.body).toMatchObject({ state: "succeeded", decidedBy: "policy:auto" });
    expect(await settlePuts(t, 1)).toBe(1);
    const kinds = (await t.store.events.list({ limit: 20, kind: "proposal" })).map((e) => e.kind);
    expect(kinds).toEqual([
      "proposal.succeeded",
      "proposal.executing",
      "proposal.approved",
      "proposal.created",
    ]);
  });

  it("follow the token's groups and the tool policies", async () => {
    const { t, admin, token, propose } = await world({
      groups: { ...ALL_READ_WRITE, jobs: "read-only", sites: "disabled" },
    });
    expect(await propose()).toMatchObject({
      status: 403,
      body: { error: { code: "group_not_allowed" } },
    });
    expect(await callAgentRoute(t, token, "datto-list-sites")).toMatchObject({ status: 403 });
    await admin.put("/api/settings/tool-policies/datto-list-devices", { policy: "disabled" });
    expect(await callAgentRoute(t, token, "datto-list-devices")).toMatchObject({
      status: 403,
      body: { error: { code: "tool_disabled" } },
    });
    const client = await connectMcp(t, token);
    const refused = await callTool<{ error: { code: string } }>(client, "datto-list-devices");
    expect(refused).toMatchObject({ isError: true, body: { error: { code: "tool_disabled" } } });
    await client.close();
  });

  it("resolve an alert once approved, after checking it is still open", async () => {
    const { t, token, approver } = await world();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const proposed = await callAgentRoute(t, token, "datto-resolve-alert", {
      alertUid: alert.alertUid,
      reason: "Cause fixed.",
    });
    expect(proposed.body).toMatchObject({ state: "pending" });
    const done = (await (
      await approver.post(
        `/api/proposals/${String((proposed.body as unknown as Answer).proposalId)}/approve`,
        {},
      )
    ).json()) as Proposal;
    expect(done.state).toBe("succeeded");
    expect(alertResolves(t)).toBe(1);
    const again = await callAgentRoute(t, token, "datto-resolve-alert", {
      alertUid: alert.alertUid,
      reason: "again",
    });
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: "alert_already_resolved" } },
    });
    const events = await t.store.events.list({ limit: 10, kind: "proposal.approved" });
    expect(events[0]).toMatchObject({ actor: "approver", actorKind: "person" });
    // Through the alert queue's own use-case, as the agent.
    const resolved = await t.store.events.list({ limit: 10, kind: "alert.resolved" });
    expect(resolved[0]).toMatchObject({
      actor: "agent:triage-bot",
      actorKind: "agent",
      target: alert.alertUid,
    });
  });

  it("count a resolve as done, unsent, when Datto resolved the alert meanwhile", async () => {
    const { t, token, approver } = await world();
    const alert = t.sim.tenant.openAlerts()[0]!;
    const proposed = await callAgentRoute(t, token, "datto-resolve-alert", {
      alertUid: alert.alertUid,
      reason: "fixed",
    });
    await t.datto.resolveAlert(alert.alertUid!);
    const id = String((proposed.body as unknown as Answer).proposalId);
    const done = (await (
      await approver.post(`/api/proposals/${id}/approve`, {})
    ).json()) as Proposal;
    expect(done).toMatchObject({
      state: "succeeded",
      result: {
        message: expect.stringMatching(/already shows the alert resolved.*nothing was sent/),
      },
    });
    expect(alertResolves(t)).toBe(1);
  });
});
