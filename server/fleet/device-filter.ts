import { parseUdfFilter, type DeviceQuery, type DeviceRow } from "../contract/fleet";

const DAY_MS = 24 * 60 * 60 * 1000;

type Predicate = (d: DeviceRow, i: number) => boolean;

/**
 * One predicate per structured filter, ANDed. Free text: every whitespace-separated term must occur
 * in the device's haystack. "Older than N days" includes devices never seen / never audited.
 * `udf=n:` with empty text means "UDF n has a value".
 */
export function buildDevicePredicate(
  query: DeviceQuery,
  ctx: { now: number; haystacks: readonly string[]; onlyUids?: ReadonlySet<string> },
): Predicate | null {
  const tests: Predicate[] = [];
  const terms = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length > 0) {
    const { haystacks } = ctx;
    tests.push((_, i) => terms.every((t) => haystacks[i]!.includes(t)));
  }
  const { siteUid, deviceClass, patchStatus, antivirusStatus, rebootRequired } = query;
  if (siteUid !== undefined) tests.push((d) => d.siteUid === siteUid);
  if (query.status !== undefined) {
    const online = query.status === "online";
    tests.push((d) => d.online === online);
  }
  if (deviceClass !== undefined) tests.push((d) => d.deviceClass === deviceClass);
  if (query.deviceType !== undefined) {
    const type = query.deviceType.toLowerCase();
    tests.push(
      (d) =>
        d.deviceType.type?.toLowerCase() === type || d.deviceType.category?.toLowerCase() === type,
    );
  }
  if (query.os !== undefined) {
    const os = query.os.toLowerCase();
    tests.push((d) => (d.operatingSystem ?? "").toLowerCase().includes(os));
  }
  if (rebootRequired !== undefined) tests.push((d) => d.rebootRequired === rebootRequired);
  if (patchStatus !== undefined) tests.push((d) => d.patchStatus === patchStatus);
  if (antivirusStatus !== undefined) tests.push((d) => d.antivirusStatus === antivirusStatus);
  if (query.lastSeenOlderThanDays !== undefined) {
    const before = ctx.now - query.lastSeenOlderThanDays * DAY_MS;
    tests.push((d) => d.lastSeen === null || d.lastSeen < before);
  }
  if (query.lastAuditOlderThanDays !== undefined) {
    const before = ctx.now - query.lastAuditOlderThanDays * DAY_MS;
    tests.push((d) => d.lastAuditDate === null || d.lastAuditDate < before);
  }
  const udf = query.udf === undefined ? null : parseUdfFilter(query.udf);
  if (udf) {
    const text = udf.text.toLowerCase();
    tests.push((d) => {
      const value = d.udf[udf.key];
      return value !== undefined && value !== "" && value.toLowerCase().includes(text);
    });
  }
  const { onlyUids } = ctx;
  if (onlyUids) tests.push((d) => onlyUids.has(d.uid));
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (d, i) => tests.every((t) => t(d, i));
}
