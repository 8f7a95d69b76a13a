import type { DattoGateway } from "../gateway/types";
import { DattoAccountSchema, DattoSiteSchema } from "../schemas/site";
import { DattoDeviceNetworkInterfaceSchema, DattoDeviceSchema } from "../schemas/device";
import { DattoFilterSchema, DattoRequestRateSchema } from "../schemas/filter";
import { DattoComponentSchema } from "../schemas/component";
import { seg, type ListOptions, type ReadOptions } from "./read-options";

export interface AccountDeviceQuery {
  hostname?: string;
  deviceType?: string;
  operatingSystem?: string;
  siteName?: string;
  filterId?: string | number;
}

/** Account, sites, devices, filters, components and quota (API.md §5). */
export function createFleetEndpoints(gateway: DattoGateway) {
  return {
    account: (options: ReadOptions = {}) =>
      gateway.read({ path: "/v2/account", schema: DattoAccountSchema, ...options }),
    listSites: (query: { siteName?: string } = {}, options: ListOptions = {}) =>
      gateway.readAllPages({
        path: "/v2/account/sites",
        query,
        itemsKey: "sites",
        itemSchema: DattoSiteSchema,
        ...options,
      }),
    getSite: (siteUid: string, options: ReadOptions = {}) =>
      gateway.read({ path: `/v2/site/${seg(siteUid)}`, schema: DattoSiteSchema, ...options }),
    listSiteDevices: (
      siteUid: string,
      query: { filterId?: string | number } = {},
      options: ListOptions = {},
    ) =>
      gateway.readAllPages({
        path: `/v2/site/${seg(siteUid)}/devices`,
        query,
        itemsKey: "devices",
        itemSchema: DattoDeviceSchema,
        ...options,
      }),
    listSiteNetworkInterfaces: (siteUid: string, options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: `/v2/site/${seg(siteUid)}/devices/network-interface`,
        itemsKey: "devices",
        itemSchema: DattoDeviceNetworkInterfaceSchema,
        ...options,
      }),
    listAccountDevices: (query: AccountDeviceQuery = {}, options: ListOptions = {}) =>
      gateway.readAllPages({
        path: "/v2/account/devices",
        query: { ...query },
        itemsKey: "devices",
        itemSchema: DattoDeviceSchema,
        ...options,
      }),
    getDevice: (deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({ path: `/v2/device/${seg(deviceUid)}`, schema: DattoDeviceSchema, ...options }),
    listComponents: (options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: "/v2/account/components",
        itemsKey: "components",
        itemSchema: DattoComponentSchema,
        ...options,
      }),
    listDefaultFilters: (options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: "/v2/filter/default-filters",
        itemsKey: "filters",
        itemSchema: DattoFilterSchema,
        ...options,
      }),
    listCustomFilters: (options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: "/v2/filter/custom-filters",
        itemsKey: "filters",
        itemSchema: DattoFilterSchema,
        ...options,
      }),
    listSiteFilters: (siteUid: string, options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: `/v2/site/${seg(siteUid)}/filters`,
        itemsKey: "filters",
        itemSchema: DattoFilterSchema,
        ...options,
      }),
    /** Datto's own view of the account's quota use; always asked fresh. */
    getRequestRate: (options: ReadOptions = {}) =>
      gateway.read({
        path: "/v2/system/request_rate",
        schema: DattoRequestRateSchema,
        maxAgeMs: 0,
        ...options,
      }),
  };
}
