import type { DattoGateway } from "../gateway/types";
import { DattoAlertSchema } from "../schemas/alert";
import { EmptyBodySchema } from "../schemas/common";
import { seg, type ListOptions, type ReadOptions } from "./read-options";

export type AlertState = "open" | "resolved";

/** Alert lists are paged: progress passes through to the gateway (pages done of total). */
const alertList = (gateway: DattoGateway, path: string, options: ListOptions) =>
  gateway.readAllPages({ path, itemsKey: "alerts", itemSchema: DattoAlertSchema, ...options });

export function createAlertEndpoints(gateway: DattoGateway) {
  return {
    listOpenAlerts: (options: ListOptions = {}) =>
      alertList(gateway, "/v2/account/alerts/open", options),
    listResolvedAlerts: (options: ListOptions = {}) =>
      alertList(gateway, "/v2/account/alerts/resolved", options),
    listSiteAlerts: (siteUid: string, state: AlertState, options: ListOptions = {}) =>
      alertList(gateway, `/v2/site/${seg(siteUid)}/alerts/${state}`, options),
    listDeviceAlerts: (deviceUid: string, state: AlertState, options: ListOptions = {}) =>
      alertList(gateway, `/v2/device/${seg(deviceUid)}/alerts/${state}`, options),
    getAlert: (alertUid: string, options: ReadOptions = {}) =>
      gateway.read({ path: `/v2/alert/${seg(alertUid)}`, schema: DattoAlertSchema, ...options }),
    /**
     * POST /v2/alert/{uid}/resolve (empty answer). Sent once, never retried. Cached alert lists
     * that may hold the alert are dropped; pass its site and device to drop theirs too.
     */
    async resolveAlert(
      alertUid: string,
      where: { siteUid?: string | null; deviceUid?: string | null; signal?: AbortSignal } = {},
    ): Promise<void> {
      await gateway.write({
        operation: "alert-resolve",
        method: "POST",
        path: `/v2/alert/${seg(alertUid)}/resolve`,
        schema: EmptyBodySchema,
        ...(where.signal ? { signal: where.signal } : {}),
      });
      gateway.invalidate(`/v2/alert/${seg(alertUid)}`);
      gateway.invalidate("/v2/account/alerts/");
      if (where.siteUid) gateway.invalidate(`/v2/site/${seg(where.siteUid)}/alerts/`);
      if (where.deviceUid) gateway.invalidate(`/v2/device/${seg(where.deviceUid)}/alerts/`);
    },
  };
}
