import { useCallback } from "react";
import type { AlertQueueQuery, AlertQueueResponse, QueueAlert } from "@server/contract/alerts";
import { useWindowedQuery, type WindowedQuery } from "@/lib/use-windowed-query";
import { alertQueries, QUEUE_WINDOW_SIZE } from "./alert-queries";

export type AlertWindows = WindowedQuery<AlertQueueResponse, QueueAlert>;

const page = (answer: AlertQueueResponse) => ({
  offset: answer.offset,
  total: answer.total,
  rows: answer.alerts,
});
const rowKey = (alert: QueueAlert) => alert.alertUid;

/** The queue in windows of QUEUE_WINDOW_SIZE, as the device table (src/lib/use-windowed-query.ts). */
export function useAlertWindows(query: AlertQueueQuery): AlertWindows {
  const windowQuery = useCallback(
    (windowIndex: number) => alertQueries.queueWindow(query, windowIndex),
    [query],
  );
  return useWindowedQuery({ windowSize: QUEUE_WINDOW_SIZE, windowQuery, page, rowKey });
}
