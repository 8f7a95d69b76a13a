import type { DattoGateway } from "../gateway/types";
import {
  DattoDeviceAuditSchema,
  DattoEsxiAuditSchema,
  DattoPrinterAuditSchema,
  DattoSoftwareSchema,
} from "../schemas/audit";
import { seg, type ReadOptions } from "./read-options";

/** Audits answer 400 unless the device has the matching deviceClass (API.md §5). */
export function createAuditEndpoints(gateway: DattoGateway) {
  return {
    getDeviceAudit: (deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: `/v2/audit/device/${seg(deviceUid)}`,
        schema: DattoDeviceAuditSchema,
        ...options,
      }),
    getEsxiAudit: (deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: `/v2/audit/esxihost/${seg(deviceUid)}`,
        schema: DattoEsxiAuditSchema,
        ...options,
      }),
    getPrinterAudit: (deviceUid: string, options: ReadOptions = {}) =>
      gateway.read({
        path: `/v2/audit/printer/${seg(deviceUid)}`,
        schema: DattoPrinterAuditSchema,
        ...options,
      }),
    listDeviceSoftware: (deviceUid: string, options: ReadOptions = {}) =>
      gateway.readAllPages({
        path: `/v2/audit/device/${seg(deviceUid)}/software`,
        itemsKey: "software",
        itemSchema: DattoSoftwareSchema,
        ...options,
      }),
  };
}
