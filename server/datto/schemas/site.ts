import { z } from "zod";
import { DevicesStatusSchema, flexibleNumber, nullableBoolean, nullableString } from "./common";

const DattoProxySettingsSchema = z.looseObject({
  host: nullableString,
  port: flexibleNumber,
  type: nullableString,
  username: nullableString,
});

/** GET /v2/site/{uid} and the items of GET /v2/account/sites (API.md §6). */
export const DattoSiteSchema = z.looseObject({
  id: flexibleNumber,
  uid: z.string(),
  accountUid: nullableString,
  name: nullableString,
  description: nullableString,
  notes: nullableString,
  onDemand: nullableBoolean,
  splashtopAutoInstall: nullableBoolean,
  proxySettings: DattoProxySettingsSchema.nullish(),
  devicesStatus: DevicesStatusSchema.nullish(),
  autotaskCompanyName: nullableString,
  autotaskCompanyId: nullableString,
  portalUrl: nullableString,
});
export type DattoSite = z.infer<typeof DattoSiteSchema>;

/** GET /v2/account. */
export const DattoAccountSchema = z.looseObject({
  id: flexibleNumber,
  uid: nullableString,
  name: nullableString,
  currency: nullableString,
  descriptor: z.looseObject({}).nullish(),
  devicesStatus: DevicesStatusSchema.nullish(),
});
