import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FleetSyncStatus } from "@server/contract/sync";
import { FleetFreshness } from "./fleet-freshness";

function syncing(patch: Partial<FleetSyncStatus>): FleetSyncStatus {
  return {
    state: "syncing",
    pagesDone: 0,
    pagesTotal: null,
    devicesDone: 0,
    devicesTotal: null,
    startedAt: Date.now() - 60_000,
    finishedAt: null,
    lastError: null,
    ...patch,
  };
}

const FIRST_SYNC = {
  fetchedAt: null,
  stale: true,
  reason: "The first sync with Datto is still running.",
};

describe("FleetFreshness", () => {
  it("shows the first sync's progress in devices with a time left, without a stale warning", () => {
    render(
      <FleetFreshness
        freshness={FIRST_SYNC}
        sync={syncing({
          pagesDone: 50,
          pagesTotal: 200,
          devicesDone: 12_500,
          devicesTotal: 50_000,
        })}
        summary="0 devices"
      />,
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      "Syncing 12,500 of 50,000 devices, about 3 min left",
    );
    expect(screen.getByRole("meter", { name: "Sync progress" })).toHaveAttribute(
      "aria-valuenow",
      "25",
    );
    expect(screen.getByText(/not synced with Datto yet/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("is loud about stale data and gives the reason", () => {
    const fetchedAt = Date.now() - 20 * 60_000;
    render(
      <FleetFreshness
        freshness={{
          fetchedAt,
          stale: true,
          reason: "Refreshing from Datto failed (rate limited); showing the last good copy.",
        }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Stale data, as of 20 min ago");
    expect(alert).toHaveTextContent("rate limited");
  });

  it("keeps a routine background sync quiet while the data is fresh", () => {
    render(
      <FleetFreshness
        freshness={{ fetchedAt: Date.now() - 60_000, stale: false, reason: null }}
        sync={syncing({ pagesDone: 5, pagesTotal: 10 })}
      />,
    );
    expect(screen.getByText("as of 1 min ago")).toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });
});
