import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { FleetStatusResponse } from "@server/contract/sync";
import { server } from "@/testing/msw-server";
import { FleetFreshness } from "./fleet-freshness";

const NO_ALERTS = { total: 0, critical: 0, high: 0, moderate: 0, low: 0, information: 0 };

function status(
  sync: Partial<FleetStatusResponse["sync"]>,
  fetchedAt: number | null,
): FleetStatusResponse {
  return {
    sync: {
      state: "idle",
      pagesDone: 0,
      pagesTotal: null,
      startedAt: null,
      finishedAt: null,
      lastError: null,
      ...sync,
    },
    freshness: {
      fetchedAt,
      stale: fetchedAt === null,
      reason: fetchedAt === null ? "The first sync with Datto is still running." : null,
    },
    counts: { sites: 0, devices: 0, online: 0, offline: 0, openAlerts: NO_ALERTS },
  };
}

function renderWith(body: FleetStatusResponse, freshness?: FleetStatusResponse["freshness"]) {
  // An edge case the simulator cannot hold still for: a first sync caught half way.
  server.use(http.get("*/api/fleet/status", () => HttpResponse.json(body)));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <FleetFreshness freshness={freshness} summary="0 devices" />
    </QueryClientProvider>,
  );
}

describe("FleetFreshness", () => {
  it("shows the first sync's progress in pages, without a stale warning", async () => {
    renderWith(status({ state: "syncing", pagesDone: 12, pagesTotal: 200 }, null));
    expect(await screen.findByText("Syncing 12 of 200 pages")).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Sync progress" })).toHaveAttribute(
      "aria-valuenow",
      "12",
    );
    expect(screen.getByText(/not synced with Datto yet/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("is loud about stale data and gives the reason", async () => {
    const fetchedAt = Date.now() - 20 * 60_000;
    renderWith(status({}, fetchedAt), {
      fetchedAt,
      stale: true,
      reason: "Refreshing from Datto failed (rate limited); showing the last good copy.",
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Stale data, as of 20 min ago");
    expect(alert).toHaveTextContent("rate limited");
  });
});
