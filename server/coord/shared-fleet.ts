import type { FleetIndex } from "../fleet/fleet-index";
import { refreshedRowsOf, type RefreshedRows } from "../fleet/refresh-one";
import type { Logger } from "../lib/logger";
import type { RedisChannels } from "./redis-channels";

const REFRESHED = "fleet-refreshed";
const SOFTWARE_STORED = "software-stored";
/** While a crawl stores lists, the other instances reload them at most this often. */
const SOFTWARE_SAY_EVERY_MS = 30_000;

/**
 * "Refresh now" on one instance re-reads a device or a site from Datto and puts it in that
 * instance's index; with several instances the others put the same rows in theirs, from a message,
 * without reading Datto again (decision 0030).
 */
export function shareRefreshes(
  fleet: FleetIndex,
  channels: RedisChannels | null,
  logger: Logger,
): Pick<FleetIndex, "refreshDevice" | "refreshSite"> {
  if (!channels) return fleet;
  void channels.subscribe(REFRESHED, (message) => {
    try {
      fleet.adoptRefreshed(JSON.parse(message) as RefreshedRows);
    } catch (error) {
      logger.warn("refreshed rows not adopted", { error: String(error) });
    }
  });
  const tell = (what: { device: string } | { site: string }) => {
    const rows = refreshedRowsOf(fleet.snapshot(), what);
    if (rows) channels.publish(REFRESHED, JSON.stringify(rows));
  };
  return {
    async refreshDevice(uid) {
      const result = await fleet.refreshDevice(uid);
      if (!result.stale) tell({ device: uid });
      return result;
    },
    async refreshSite(uid) {
      const result = await fleet.refreshSite(uid);
      if (!result.stale) tell({ site: uid });
      return result;
    },
  };
}

/**
 * The software crawl runs on the instance where someone searched and stores each device's list;
 * the other instances reload the stored lists when told (at most every 30 s, and once after the
 * last list), so a search anywhere sees them and does not read them from Datto again.
 */
export function shareSoftwareLists(channels: RedisChannels, logger: Logger) {
  let last = 0;
  let trailing: NodeJS.Timeout | null = null;
  const say = () => {
    last = Date.now();
    channels.publish(SOFTWARE_STORED, "1");
  };
  return {
    /** Called after each list stored here. */
    stored() {
      if (trailing) return;
      const wait = Math.max(0, last + SOFTWARE_SAY_EVERY_MS - Date.now());
      trailing = setTimeout(() => {
        trailing = null;
        say();
      }, wait);
      trailing.unref();
    },
    /** Reloads the stored lists whenever another instance says it stored some. */
    follow(reload: () => Promise<void>) {
      let loading: Promise<void> | null = null;
      void channels.subscribe(SOFTWARE_STORED, () => {
        loading ??= reload()
          .catch((error: unknown) =>
            logger.warn("software lists not reloaded", { error: String(error) }),
          )
          .finally(() => {
            loading = null;
          });
      });
    },
  };
}
