import { afterEach, describe, expect, it, vi } from "vitest";
import { callAgentRoute, createAgentToken } from "../testing/agent-helpers";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const setup = testAppsClosedAfterEach({ devices: 20, seed: 4 });
afterEach(() => vi.restoreAllMocks());

describe("the proposal webhook", () => {
  it("posts one Slack/Teams message per new proposal, none for a merged one", async () => {
    const t = await setup();
    const admin = await t.signIn("admin");
    const url = "https://hooks.example.com/services/T0/B0/secret";
    expect((await admin.patch("/api/settings", { proposalWebhookUrl: url })).status).toBe(200);
    const posted: Array<{ url: string; body: unknown }> = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (String(input) !== url) return realFetch(input, init);
      posted.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response("ok");
    });
    const { token } = await createAgentToken(admin);
    const device = t.fleet.snapshot().devices.find((d) => d.deviceClass === "device")!;
    const input = { deviceUid: device.uid, jobName: "Flush DNS cache", reason: "DNS is stale." };
    await callAgentRoute(t, token, "datto-run-quickjob", input);
    await callAgentRoute(t, token, "datto-run-quickjob", input);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toEqual({
      text: expect.stringMatching(
        new RegExp(
          `agent triage-bot proposes to run "Flush DNS cache" on ${device.hostname}.*DNS is stale`,
        ),
      ),
    });
    // The URL is a secret: the audit log only says it was set.
    const events = await admin.getJson<{ events: Array<{ detail: unknown }> }>(
      "/api/audit?kind=settings",
    );
    expect(JSON.stringify(events)).not.toContain("secret");
  });
});
