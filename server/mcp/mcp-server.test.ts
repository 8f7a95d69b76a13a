import { describe, expect, it } from "vitest";
import { TOOL_NAMES } from "../contract/agents";
import type { Proposal } from "../contract/proposals";
import {
  callTool,
  connectMcp,
  createAgentToken,
  quickJobPuts,
  settlePuts,
} from "../testing/agent-helpers";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ devices: 60, seed: 1 });

type Listed<T> = { total: number; more: boolean } & T;
type DeviceJson = { deviceUid: string; deviceType: string | null; untrusted: { hostname: string } };
type AlertJson = { alertUid: string; type: string | null; deviceUid: string; priority: string };

describe("the MCP server, driven by the MCP SDK's own client", () => {
  it("lists exactly the nine tools, reads, proposes a quick job, and runs it once when approved", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token } = await createAgentToken(admin);
    const client = await connectMcp(t, token);

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get("datto-list-sites")!.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
    expect(byName.get("datto-run-quickjob")!.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(byName.get("datto-resolve-alert")!.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(byName.get("datto-get-device-audit")!.inputSchema.required).toEqual(["deviceUid"]);

    const sites = await callTool<Listed<{ sites: Array<{ siteUid: string }> }>>(
      client,
      "datto-list-sites",
    );
    expect(sites.isError).toBe(false);
    expect(sites.body.sites.length).toBeGreaterThan(0);
    const site = await callTool(client, "datto-get-site", {
      siteUid: sites.body.sites[0]!.siteUid,
    });
    expect(site.body).toMatchObject({ site: { siteUid: sites.body.sites[0]!.siteUid } });

    const alerts = await callTool<Listed<{ alerts: AlertJson[]; notice: string }>>(
      client,
      "datto-list-alerts",
    );
    expect(alerts.body.notice).toMatch(/untrusted/);
    const disk = alerts.body.alerts.find((a) => a.type === "perf_disk_usage_ctx")!;
    expect(disk).toBeDefined();
    const device = await callTool<{ device: DeviceJson }>(client, "datto-get-device", {
      deviceUid: disk.deviceUid,
    });
    expect(device.body.device.deviceType).toBe("Server");
    expect(device.body.device.untrusted.hostname).toEqual(expect.any(String));
    const audit = await callTool<{ hardware: { disks: unknown[] }; software: { total: number } }>(
      client,
      "datto-get-device-audit",
      { deviceUid: disk.deviceUid, type: "all" },
    );
    expect(audit.isError).toBe(false);
    expect(audit.body.hardware.disks.length).toBeGreaterThan(0);
    const devices = await callTool<Listed<{ devices: DeviceJson[] }>>(
      client,
      "datto-list-devices",
      {
        deviceType: "server",
        limit: 5,
      },
    );
    expect(devices.body.devices.map((d) => d.deviceUid)).toContain(disk.deviceUid);

    const before = quickJobPuts(t);
    const proposed = await callTool<{ proposalId: string; state: string }>(
      client,
      "datto-run-quickjob",
      {
        deviceUid: disk.deviceUid,
        jobName: "Disk Cleanup - Temp Files",
        variables: { days: 14 },
        reason: "The C: drive is nearly full; clear old temp files.",
      },
    );
    expect(proposed.isError).toBe(false);
    expect(proposed.body).toMatchObject({ state: "pending", proposalId: expect.any(String) });
    expect(quickJobPuts(t)).toBe(before);

    const approver = await t.signIn("approver");
    const approved = await approver.post(`/api/proposals/${proposed.body.proposalId}/approve`, {
      comment: "go",
    });
    expect(approved.status).toBe(200);
    const proposal = (await approved.json()) as Proposal;
    expect(proposal.state).toBe("succeeded");
    expect(proposal.result?.jobName).toMatch(/requested by agent:triage-bot, approved by approver/);
    expect(await settlePuts(t, before + 1)).toBe(before + 1);

    type Done = {
      state: string;
      result: { devices: Array<{ status: string; untrusted: { stdout: string | null } }> };
    };
    let done = await callTool<Done>(client, "datto-get-proposal", {
      proposalId: proposed.body.proposalId,
    });
    // The job runs for a few simulated minutes; the launcher's tracker follows it as time passes.
    for (let i = 0; i < 120 && done.body.result.devices[0]!.status !== "Success"; i++) {
      await t.clock.advance(5_000);
      await t.settle(t.services.jobTracker.tick());
      done = await callTool<Done>(client, "datto-get-proposal", {
        proposalId: proposed.body.proposalId,
      });
    }
    expect(done.body.state).toBe("succeeded");
    expect(done.body.result.devices[0]!.status).toBe("Success");
    expect(done.body.result.devices[0]!.untrusted.stdout).toEqual(expect.any(String));
    expect(quickJobPuts(t)).toBe(before + 1);
    await client.close();
  });

  it("answers with errors an agent can act on", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token } = await createAgentToken(admin);
    const client = await connectMcp(t, token);
    const device = t.fleet.snapshot().devices.find((d) => d.deviceClass === "device")!;

    const missing = await client.callTool({ name: "datto-get-device", arguments: {} });
    expect(missing.isError).toBe(true);
    expect(JSON.stringify(missing.content)).toMatch(/deviceUid is required/);

    const ambiguous = await callTool<{
      error: { code: string; details: { candidates: string[] } };
    }>(client, "datto-run-quickjob", {
      deviceUid: device.uid,
      jobName: "disk",
      reason: "free space",
    });
    expect(ambiguous.isError).toBe(true);
    expect(ambiguous.body.error.code).toBe("component_ambiguous");
    expect(ambiguous.body.error.details.candidates).toEqual(
      expect.arrayContaining(["Disk Cleanup - Temp Files", "Check disk space"]),
    );

    const unknownVariable = await callTool<{ error: { message: string } }>(
      client,
      "datto-run-quickjob",
      {
        deviceUid: device.uid,
        jobName: "Disk Cleanup - Temp Files",
        variables: { dayz: 3 },
        reason: "free space",
      },
    );
    expect(unknownVariable.body.error.message).toMatch(
      /"dayz" is not declared.*days, drive, includeRecycleBin/,
    );

    const wrongType = await callTool<{ error: { message: string } }>(client, "datto-run-quickjob", {
      deviceUid: device.uid,
      jobName: "Disk Cleanup - Temp Files",
      variables: { days: "many" },
      reason: "free space",
    });
    expect(wrongType.body.error.message).toMatch(/"days".*must be a number/);
    await client.close();
  });

  it("refuses a missing or revoked token, and a foreign browser Origin", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const { token, agentToken } = await createAgentToken(admin);
    const init = (headers: Record<string, string>) => ({
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });
    expect((await t.app.request("http://localhost/mcp", init({}))).status).toBe(401);
    const foreign = await t.app.request(
      "http://localhost/mcp",
      init({ authorization: `Bearer ${token}`, origin: "http://evil.example" }),
    );
    expect(foreign.status).toBe(403);
    // DNS rebinding: the attacker's name resolves to us, so its Host and Origin agree.
    const rebound = await t.app.request(
      "http://evil.example/mcp",
      init({
        authorization: `Bearer ${token}`,
        origin: "http://evil.example",
        host: "evil.example",
      }),
    );
    expect(rebound.status).toBe(403);
    const local = await t.app.request(
      "http://localhost/mcp",
      init({ authorization: `Bearer ${token}`, origin: "http://localhost:5173" }),
    );
    expect(local.status).toBe(200);
    expect(
      (await t.app.request("http://localhost/mcp", init({ authorization: `Bearer ${token}` })))
        .status,
    ).toBe(200);
    expect((await admin.delete(`/api/agent-tokens/${agentToken.id}`)).status).toBe(204);
    expect(
      (await t.app.request("http://localhost/mcp", init({ authorization: `Bearer ${token}` })))
        .status,
    ).toBe(401);
  });
});
