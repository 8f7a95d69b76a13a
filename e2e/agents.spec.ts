import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support/session";

/**
 * The whole loop an MSP expects from its agent (issue 11), against the demo server: over MCP the
 * agent lists open alerts, finds a disk-space alert on a server, reads the device's audit and
 * proposes the clean-up; an approver approves it in the browser; the job runs and its stdout comes
 * back through datto-get-proposal; the resolve the agent proposed is approved (key "a") and the
 * alert has left the queue. Also: the kill switch shows in the shell.
 */

type Json = Record<string, unknown>;

async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post("/api/auth/login", {
    data: { username: "admin", password: "demo" },
  });
  expect(login.status()).toBe(200);
  const created = await request.post("/api/agent-tokens", {
    data: {
      name: "triage-bot",
      groups: {
        sites: "read-only",
        devices: "read-only",
        audit: "read-only",
        alerts: "read-write",
        jobs: "read-write",
      },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

async function connect(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", baseURL), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

async function call<T = Json>(client: Client, name: string, args: Json = {}): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ text: string }>)[0]!.text;
  expect(result.isError ?? false, text).toBe(false);
  return JSON.parse(text) as T;
}

async function approveInBrowser(page: Page, action: RegExp, how: "click" | "key") {
  await page.goto("/approvals");
  const card = page.getByRole("article", { name: action });
  await expect(card).toBeVisible();
  if (how === "click") await card.getByRole("button", { name: /Approve/ }).click();
  else {
    await card.click({ position: { x: 10, y: 10 } });
    await page.keyboard.press("a");
  }
  await expect(page.getByText(/: succeeded\./)).toBeVisible();
}

test("an agent's clean-up and resolve, approved in the browser, each run once", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(480_000);
  const client = await connect(baseURL!, await adminToken(request));
  const tools = await client.listTools();
  expect(tools.tools).toHaveLength(9);

  type Alert = { alertUid: string; type: string | null; deviceUid: string };
  const { alerts } = await call<{ alerts: Alert[] }>(client, "datto-list-alerts", { limit: 200 });
  let disk: { alert: Alert; hostname: string } | null = null;
  for (const alert of alerts.filter((a) => a.type === "perf_disk_usage_ctx")) {
    const { device } = await call<{
      device: { deviceType: string; untrusted: { hostname: string } };
    }>(client, "datto-get-device", { deviceUid: alert.deviceUid });
    if (device.deviceType === "Server") disk = { alert, hostname: device.untrusted.hostname };
    if (disk) break;
  }
  expect(disk, "a disk-space alert on a server").not.toBeNull();
  const audit = await call<{ hardware: { disks: Array<{ drive: string }> } }>(
    client,
    "datto-get-device-audit",
    {
      deviceUid: disk!.alert.deviceUid,
      type: "hardware",
    },
  );
  const drive = audit.hardware.disks[0]!.drive;

  const cleanup = await call<{ proposalId: string; state: string }>(client, "datto-run-quickjob", {
    deviceUid: disk!.alert.deviceUid,
    jobName: "Disk Cleanup - Temp Files",
    variables: { drive, days: 7 },
    reason: `Free space on ${drive}: the disk-space alert is open.`,
  });
  expect(cleanup.state).toBe("pending");

  await signIn(page, "approver");
  await expect(page.getByRole("link", { name: /Approvals/ }).getByLabel("1 pending")).toBeVisible();
  await approveInBrowser(page, /Run “Disk Cleanup - Temp Files” on/, "click");

  const resolve = await call<{ proposalId: string; state: string }>(client, "datto-resolve-alert", {
    alertUid: disk!.alert.alertUid,
    reason: "Resolve once the clean-up has freed the disk.",
  });
  expect(resolve.state).toBe("pending");

  type Done = {
    state: string;
    result?: { devices: Array<{ status: string; untrusted: { stdout: string | null } }> };
  };
  let done: Done | null = null;
  await expect
    .poll(
      async () => {
        done = await call<Done>(client, "datto-get-proposal", { proposalId: cleanup.proposalId });
        return done.result?.devices[0]?.status;
      },
      { timeout: 240_000, intervals: [2_000] },
    )
    .toBe("Success");
  expect((done as Done | null)?.result?.devices[0]?.untrusted.stdout).toBeTruthy();

  await approveInBrowser(page, /Resolve the alert/, "key");
  const resolved = await call<{ state: string }>(client, "datto-get-proposal", {
    proposalId: resolve.proposalId,
  });
  expect(resolved.state).toBe("succeeded");
  // The agent reads the alert queue's copy, refreshed by its poller (about once a minute).
  await expect
    .poll(
      async () => {
        const after = await call<{ alerts: Alert[] }>(client, "datto-list-alerts", {
          deviceUid: disk!.alert.deviceUid,
        });
        return after.alerts.map((a) => a.alertUid);
      },
      { timeout: 150_000, intervals: [5_000] },
    )
    .not.toContain(disk!.alert.alertUid);

  // The history shows both outcomes.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "Disk Cleanup" }).first()).toContainText(
    "succeeded",
  );
  await client.close();
});

test("the kill switch shows in the shell while writes are paused", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Pause all writes" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pause writes" }).click();
  await expect(page.getByText(/Writes to Datto are paused by admin/)).toBeVisible();
  await page.goto("/sites");
  await expect(page.getByText(/Writes to Datto are paused by admin/)).toBeVisible();
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Resume writes" }).click();
  await expect(page.getByText(/Writes to Datto are paused by admin/)).toBeHidden();
});

test("the agent admin, approvals and audit screens at three widths", async ({ page, request }) => {
  // A proposal through the JSON route (agents without MCP), so the queue has a card to show.
  const token = await adminToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const listed = await request.post("/api/agent/tools/datto-list-devices", {
    headers: auth,
    data: { deviceType: "workstation", limit: 1 },
  });
  expect(listed.status()).toBe(200);
  const { devices } = (await listed.json()) as { devices: Array<{ deviceUid: string }> };
  const proposed = await request.post("/api/agent/tools/datto-run-quickjob", {
    headers: auth,
    data: {
      deviceUid: devices[0]!.deviceUid,
      jobName: "Flush DNS cache",
      reason: "Name resolution fails since this morning.",
    },
  });
  expect(((await proposed.json()) as { state: string }).state).toBe("pending");

  await signIn(page, "admin");
  for (const width of [1440, 1920, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/approvals", "/admin/agents", "/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(/Loading/)).toHaveCount(0);
      await page.screenshot({
        path: `test-results/agents${path.replaceAll("/", "-")}-${width}.png`,
        fullPage: true,
      });
    }
  }
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByLabel("1 pending"),
  ).toBeVisible();
});
