import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { mapAlert } from "../fleet/map-alert";
import type { OpenAlertSource } from "./agent-reads";

/**
 * Open alerts read through the gateway (cached for half a minute, coalesced). Interim: the alert
 * queue's snapshot (services.alerts.current()) replaces the lists once it lands.
 */
export function createDattoAlertSource(datto: DattoApi): OpenAlertSource {
  const read = { priority: "interactive" as const, maxAgeMs: 30_000 };
  return {
    async open({ siteUid, deviceUid }) {
      const list = deviceUid
        ? await datto.listDeviceAlerts(deviceUid, "open", read)
        : siteUid
          ? await datto.listSiteAlerts(siteUid, "open", read)
          : await datto.listOpenAlerts(read);
      return list.data.map(mapAlert).filter((a) => !siteUid || a.siteUid === siteUid);
    },
    async get(alertUid) {
      try {
        return mapAlert(
          (await datto.getAlert(alertUid, { priority: "interactive", maxAgeMs: 0 })).data,
        );
      } catch (error) {
        if (error instanceof DattoError && error.kind === "not-found") return null;
        throw error;
      }
    },
  };
}
