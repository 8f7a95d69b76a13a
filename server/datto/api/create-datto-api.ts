import type { DattoGateway } from "../gateway/types";
import { createAlertEndpoints } from "./alert-endpoints";
import { createAuditEndpoints } from "./audit-endpoints";
import { createFleetEndpoints } from "./fleet-endpoints";
import { createJobEndpoints } from "./job-endpoints";

/**
 * The typed facade over the Datto endpoints the product uses (API.md §5). Reads return Fresh<T> of
 * parsed Datto types; writes return the parsed answer. Everything goes through the one gateway.
 */
export function createDattoApi(gateway: DattoGateway) {
  return {
    ...createFleetEndpoints(gateway),
    ...createAuditEndpoints(gateway),
    ...createAlertEndpoints(gateway),
    ...createJobEndpoints(gateway),
  };
}

export type DattoApi = ReturnType<typeof createDattoApi>;
