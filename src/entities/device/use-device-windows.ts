import { useCallback } from "react";
import type { DeviceListResponse, DeviceQuery, DeviceRow } from "@server/contract/devices";
import { useWindowedQuery, type WindowedQuery } from "@/lib/use-windowed-query";
import { DEVICE_WINDOW_SIZE, deviceQueries } from "./device-queries";

export type DeviceWindows = WindowedQuery<DeviceListResponse, DeviceRow>;

const page = (answer: DeviceListResponse) => answer;
const rowKey = (row: DeviceRow) => row.uid;

/** The device table's rows in windows of DEVICE_WINDOW_SIZE (src/lib/use-windowed-query.ts). */
export function useDeviceWindows(query: DeviceQuery): DeviceWindows {
  const windowQuery = useCallback(
    (windowIndex: number) => deviceQueries.window(query, windowIndex),
    [query],
  );
  return useWindowedQuery({ windowSize: DEVICE_WINDOW_SIZE, windowQuery, page, rowKey });
}
