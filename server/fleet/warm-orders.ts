import type { FleetSnapshot } from "./fleet-snapshot";

/**
 * The sort orders a person is likely to click first (the table's default columns), built in the
 * background after a snapshot is swapped in, one column per turn of the event loop so requests in
 * between are not held up (decision 0031). The rest are built on first use; `hostname` is free.
 */
const LIKELY_SORTS = [
  "lastSeen",
  "siteName",
  "operatingSystem",
  "lastLoggedInUser",
  "online",
  "openAlerts",
  "intIpAddress",
  "lastReboot",
];

/** Stops as soon as `stillServed` says the snapshot was replaced (or the index stopped). */
export function warmSortOrders(snapshot: FleetSnapshot, stillServed: () => boolean): void {
  if (snapshot.devices.length === 0) return;
  let next = 0;
  const step = () => {
    if (next >= LIKELY_SORTS.length || !stillServed()) return;
    snapshot.order(LIKELY_SORTS[next++]!, "asc");
    setImmediate(step).unref();
  };
  setImmediate(step).unref();
}
