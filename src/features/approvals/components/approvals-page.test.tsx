import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render-app";
import { getTestApp, type TestApp } from "@/testing/msw-server";

/** An agent token (made by the admin through the API) proposes a quick job on a device. */
async function proposeQuickJob(t: TestApp) {
  const admin = await t.signIn("admin");
  const created = await admin.post("/api/agent-tokens", {
    name: "triage-bot",
    groups: { devices: "read-only", jobs: "read-write" },
  });
  const { token } = (await created.json()) as { token: string };
  const device = t.fleet.snapshot().devices.find((d) => d.deviceClass === "device" && d.online)!;
  const res = await t.request("/api/agent/tools/datto-run-quickjob", {
    method: "POST",
    json: { deviceUid: device.uid, jobName: "Flush DNS cache", reason: "DNS answers are stale." },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return device;
}

const quickJobPuts = (t: TestApp) =>
  t.sim.control.counters().byRoute["PUT /v2/device/{deviceUid}/quickjob"] ?? 0;

describe("the approval queue", () => {
  it("shows a proposal in human terms and approves it with the a key, once", async () => {
    const t = await getTestApp();
    const device = await proposeQuickJob(t);
    const { user } = await renderApp("/approvals", { signedInAs: "approver" });
    const card = await screen.findByRole("article", {
      name: `Run “Flush DNS cache” on ${device.hostname}`,
    });
    expect(card).toHaveTextContent("triage-bot");
    expect(card).toHaveTextContent("DNS answers are stale.");
    expect(card).toHaveTextContent(device.siteName);
    expect(screen.getByRole("navigation", { name: "Main" })).toHaveTextContent("Approvals1");

    await user.click(within(card).getByText(/Reason:/));
    await user.keyboard("a");
    expect(await screen.findByText(/: succeeded\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("article")).not.toBeInTheDocument());
    const decided = await screen.findByRole("cell", { name: /Run “Flush DNS cache”/ });
    expect(decided.closest("tr")).toHaveTextContent("approver");
    expect(quickJobPuts(t)).toBe(1);
  });

  it("rejects with a comment, and nothing is sent", async () => {
    const t = await getTestApp();
    await proposeQuickJob(t);
    const { user } = await renderApp("/approvals", { signedInAs: "approver" });
    const card = await screen.findByRole("article");
    await user.type(
      within(card).getByPlaceholderText("Comment (optional)"),
      "Not during business hours",
    );
    await user.click(within(card).getByRole("button", { name: /Reject/ }));
    expect(await screen.findByText(/: rejected\./)).toBeInTheDocument();
    expect(await screen.findByText("“Not during business hours”")).toBeInTheDocument();
    expect(quickJobPuts(t)).toBe(0);
  });
});
