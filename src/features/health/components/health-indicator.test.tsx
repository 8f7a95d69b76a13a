import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HealthSchema, type Health } from "@server/contract/health";
import { formatTime } from "@/lib/format";
import { HEALTH_POLL_MS } from "../api/queries";
import { forwardToApp, server } from "@/testing/msw-server";
import { renderApp } from "@/testing/render-app";

/** The real app's health answer with the upstream part replaced: Datto in a state we cannot wait for. */
async function overrideUpstream(upstream: Partial<Health["upstream"]>) {
  const res = await forwardToApp(new Request(new URL("/api/health", window.location.origin)));
  const real = HealthSchema.parse(await res.json());
  const body: Health = { ...real, status: "degraded", upstream: { ...real.upstream, ...upstream } };
  server.use(http.get("*/api/health", () => HttpResponse.json(body)));
  return body;
}

async function openDetails() {
  const view = await renderApp("/admin/users", { signedInAs: "technician" });
  const trigger = await screen.findByRole("button", { name: /^Datto status:/ });
  await view.user.click(trigger);
  return { ...view, trigger, panel: screen.getByRole("dialog", { name: "Datto RMM connection" }) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("health indicator", () => {
  it("shows the real server's view of Datto and the shared read budget", async () => {
    const { panel, trigger } = await openDetails();
    const health = HealthSchema.parse(
      await (
        await forwardToApp(new Request(new URL("/api/health", window.location.origin)))
      ).json(),
    );
    // The test app has already walked the simulated fleet, so Datto has answered.
    expect(health.upstream.state).toBe("ok");
    expect(trigger).toHaveAccessibleName(
      `Datto status: Datto OK, ${health.budget.readsUsed} of ${health.budget.readsLimit} reads used. Show details`,
    );
    expect(trigger.className).not.toMatch(/amber|red/);
    expect(panel).toHaveTextContent("Datto RMM is answering normally.");
    const meter = within(panel).getByRole("meter", { name: "Datto read budget" });
    expect(meter).toHaveAttribute("aria-valuemax", String(health.budget.readsLimit));
    expect(panel).toHaveTextContent(`reads in the last ${health.budget.windowSeconds} s`);
  });

  it("says when Datto sent answers in an unexpected shape", async () => {
    const res = await forwardToApp(new Request(new URL("/api/health", window.location.origin)));
    const real = HealthSchema.parse(await res.json());
    server.use(
      http.get("*/api/health", () => HttpResponse.json({ ...real, malformedPayloads: 3 })),
    );
    const { panel } = await openDetails();
    expect(panel).toHaveTextContent(
      "Datto sent 3 answers in an unexpected shape since the server started.",
    );
  });

  it("explains a rate limit loudly, in words a technician can act on", async () => {
    await overrideUpstream({ state: "rate-limited", detail: "Datto answered 429" });
    const { trigger, panel } = await openDetails();
    expect(trigger).toHaveAccessibleName(/Datto status: Rate limited/);
    expect(trigger.className).toMatch(/amber/);
    expect(panel).toHaveTextContent("request limit was reached");
    expect(panel).toHaveTextContent("shared by every tool");
    expect(panel).toHaveTextContent("Details: Datto answered 429");
  });

  it("says until when Datto blocks the server", async () => {
    const blockedUntil = Date.now() + 4 * 60_000;
    await overrideUpstream({ state: "blocked", blockedUntil });
    const { trigger, panel, user } = await openDetails();
    const until = formatTime(blockedUntil);
    expect(trigger).toHaveAccessibleName(new RegExp(`Blocked until ${until}`));
    expect(trigger.className).toMatch(/red/);
    expect(panel).toHaveTextContent(`until ${until} (about 4 min)`);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Datto RMM connection" })).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it("shows the times in the details in the viewer's time, never as a raw ISO timestamp", async () => {
    const failedAt = Date.now() - 60_000;
    const iso = new Date(failedAt).toISOString();
    await overrideUpstream({
      state: "down",
      detail: `Datto is unreachable (last failure at ${iso}).`,
      lastErrorAt: failedAt,
    });
    const { panel } = await openDetails();
    expect(panel).toHaveTextContent(
      `Details: Datto is unreachable (last failure at ${formatTime(failedAt)}).`,
    );
    expect(panel).not.toHaveTextContent(iso);
    expect(panel).toHaveTextContent("Last failure1 min ago");
  });

  it("tells an admin to fix rejected credentials", async () => {
    await overrideUpstream({ state: "credentials-rejected" });
    const { panel } = await openDetails();
    expect(panel).toHaveTextContent("rejected the API key");
    expect(panel).toHaveTextContent("An administrator must update");
  });

  it("says the RMM Deck server is unreachable when the health check fails", async () => {
    server.use(http.get("*/api/health", () => HttpResponse.error()));
    const { trigger, panel } = await openDetails();
    expect(trigger).toHaveAccessibleName(/Server unreachable/);
    expect(panel).toHaveTextContent("The RMM Deck server is not answering");
  });

  it("checks again every 15 s and turns loud when Datto goes down", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await renderApp("/admin/users", { signedInAs: "viewer" });
    const trigger = await screen.findByRole("button", { name: /^Datto status:/ });
    expect(trigger).not.toHaveAccessibleName(/Datto down/);

    await overrideUpstream({ state: "down" });
    await act(() => vi.advanceTimersByTimeAsync(HEALTH_POLL_MS));
    await waitFor(() => expect(trigger).toHaveAccessibleName(/Datto status: Datto down/));
    expect(trigger.className).toMatch(/red/);
  });
});
