import { deviceQueryToSearchParams, type DeviceQuery } from "@server/contract/devices";
import { client, searchRecord } from "@/lib/api-client";
import { withoutPaging } from "./device-queries";

/** The CSV of every device matching `query` (all pages, loaded or not), in the given columns. */
export function deviceExportUrl(query: DeviceQuery, columns: readonly string[]): string {
  const params = deviceQueryToSearchParams(withoutPaging(query));
  const shown = columns.filter((c) => c !== "select");
  if (shown.length > 0) params.set("columns", shown.join(","));
  const url = client.api.devices["export.csv"].$url({ query: searchRecord(params) });
  return url.pathname + url.search;
}
