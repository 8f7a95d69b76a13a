import {
  ALERT_MUTE_OPERATION,
  DEVICE_WARRANTY_OPERATION,
  PROXY_OPERATION,
  SITE_UPDATE_OPERATION,
} from "./unknowns";

/**
 * Datto's write operations as request_rate names them, one name per family (API.md §3): creating,
 * updating and deleting a site variable all count as "site-variable-set". Names seen live first;
 * the ones nobody has seen are guesses recorded in unknowns.ts.
 */
export const WRITE_OPERATION = {
  jobCreate: "device-job-create",
  alertResolve: "alert-resolve",
  deviceMove: "device-move",
  udfSet: "device-udf-set",
  siteCreate: "site-create",
  siteVariableSet: "site-variable-set",
  accountVariableSet: "account-variable-set",
  proxySet: PROXY_OPERATION,
  userResetKeys: "user-reset-keys",
  siteUpdate: SITE_UPDATE_OPERATION,
  alertMute: ALERT_MUTE_OPERATION,
  warrantySet: DEVICE_WARRANTY_OPERATION,
} as const;

export type WriteOperationName = (typeof WRITE_OPERATION)[keyof typeof WRITE_OPERATION];

/** Every name request_rate reports, in a stable order. */
export const WRITE_OPERATIONS: readonly WriteOperationName[] = Object.values(WRITE_OPERATION);
