import type { UdfUsage } from "../contract/devices";
import type { FleetSnapshot } from "./fleet-snapshot";

/** Which UDFs hold data, counted once per snapshot: the column picker offers these first. */
export function udfUsage(snapshot: FleetSnapshot): UdfUsage {
  return snapshot.memo("udf-usage", (devices) => {
    const counts = new Map<string, number>();
    for (const d of devices) {
      for (const key in d.udf) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts]
      .map(([key, count]) => ({ key, devices: count }))
      .sort((a, b) => Number(a.key.slice(3)) - Number(b.key.slice(3)));
  });
}
