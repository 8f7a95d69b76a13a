import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type { DeviceRefreshResponse } from "../contract/devices";
import type { SiteRefreshResponse } from "../contract/sites";
import { refusal, type Outcome } from "../lib/outcome";
import type { FleetIndex, Refreshed } from "./fleet-index";

const unreachable = (what: string) =>
  refusal(
    "upstream-unavailable",
    "upstream_unavailable",
    `Datto could not be reached, so ${what} was not refreshed; the console still shows the last copy it had. Try again in a minute.`,
  );

const fresh = (read: { fetchedAt: number }) => ({
  fetchedAt: read.fetchedAt,
  stale: false,
  reason: null,
});

/**
 * "Refresh now" for one device or one site: re-read from Datto past every cache, put into the fleet
 * index, and answered as it now stands. Datto errors reject (DattoError); a Datto that could not
 * be reached while a cached copy existed is a refusal, not a pretend success.
 */
export function createFleetRefresh({
  fleet,
}: {
  fleet: Pick<FleetIndex, "refreshDevice" | "refreshSite">;
}) {
  async function refresh<T>(
    actor: Actor,
    read: () => Promise<Refreshed<T>>,
    what: string,
  ): Promise<Outcome<{ row: T; fetchedAt: number }>> {
    const denied = authorize(actor, "fleet:refresh");
    if (denied) return denied;
    const result = await read();
    if (result.stale) return unreachable(what);
    return { ok: true, row: result.row, fetchedAt: result.fetchedAt };
  }

  return {
    async device(actor: Actor, uid: string): Promise<Outcome<DeviceRefreshResponse>> {
      const result = await refresh(actor, () => fleet.refreshDevice(uid), "the device");
      if (!result.ok) return result;
      return { ok: true, device: result.row, freshness: fresh(result) };
    },
    async site(actor: Actor, uid: string): Promise<Outcome<SiteRefreshResponse>> {
      const result = await refresh(actor, () => fleet.refreshSite(uid), "the site");
      if (!result.ok) return result;
      return { ok: true, site: result.row, freshness: fresh(result) };
    },
  };
}

export type FleetRefresh = ReturnType<typeof createFleetRefresh>;
