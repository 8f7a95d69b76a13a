import {
  ANTIVIRUS_STATUSES,
  DEVICE_CLASSES,
  DEVICE_COLUMN_KEYS,
  MAX_DEVICE_LIMIT,
  PATCH_STATUSES,
} from "../../contract/devices";
import { bool, field, int, oneOf, text, type Field, type Sample } from "./fuzz-fields";
import { orKnown, UID_PATTERN, wellFormedUid } from "./fuzz-ids";
import type { FuzzRng } from "./fuzz-rng";
import { hostileText, lengthNear, textOfLength } from "./hostile-text";

/** The device query (GET /api/devices, its export, a saved view's query) as fuzz fields. */

type Known = ReadonlyMap<string, string>;

/** UDF n is 1..300, written plainly ("07" is not a UDF number). */
const isUdfNumber = (n: string) =>
  /^\d+$/.test(n) && String(Number(n)) === n && +n >= 1 && +n <= 300;

const SORT_KEYS = new Set<string>(DEVICE_COLUMN_KEYS);
const isSortKey = (key: string) =>
  SORT_KEYS.has(key) || (key.startsWith("udf") && isUdfNumber(key.slice(3)));

const sort = field({}, (f) => {
  const value = f.chance(0.6)
    ? f.chance(0.5)
      ? f.pick(DEVICE_COLUMN_KEYS)
      : `udf${f.int(1, 300)}`
    : f.pick(["udf0", "udf301", "udf07", "Hostname", "constructor", "__proto__", hostileText(f)]);
  return { value, verdict: isSortKey(value) ? "valid" : "invalid" };
});

/** "n:text": UDF n contains text; at most 300 characters in all. */
const udf = field({}, (f) => {
  const n = f.pick([String(f.int(1, 300)), "0", "301", "07", "-1", "x", ""]);
  const rest = f.chance(0.7) ? hostileText(f) : textOfLength(f, lengthNear(f, 300 - n.length - 1));
  const value = f.chance(0.9) ? `${n}:${rest}` : hostileText(f);
  const number = /^([^:]*):/.exec(value)?.[1];
  const ok = number !== undefined && isUdfNumber(number) && [...value].length <= 300;
  return { value, verdict: ok ? "valid" : "invalid" };
});

/**
 * Comma-separated device uids, at most `max`. Repeated, the param is a list whose every item must
 * be one uid.
 */
function uidList(max: number, devices: Known): Field {
  const one = (f: FuzzRng) => {
    const known = [...devices.keys()];
    const count = f.chance(0.05) ? max + 1 : f.int(0, 5);
    return Array.from({ length: count }, () =>
      f.pick([() => f.pick(known), () => wellFormedUid(f), () => hostileText(f)])(),
    ).join(",");
  };
  const judge = (items: string[]): Sample["verdict"] =>
    items.length <= max && items.every((uid) => UID_PATTERN.test(uid)) ? "valid" : "invalid";
  return (f) => {
    if (f.chance(0.1)) return { value: f.pick([undefined, ""]), verdict: "valid" };
    if (f.chance(0.1)) {
      const value = [one(f), one(f)];
      return { value, verdict: judge(value) };
    }
    const value = one(f);
    return { value, verdict: judge(value.split(",").filter((uid) => uid !== "")) };
  };
}

/** Another view's selection: filters and uid lists in URL form, never a Datto filter. */
function within(devices: Known): Field {
  return field({}, (f) => {
    const known = [...devices.keys()];
    if (f.chance(0.5)) {
      const value = f.pick([
        "status=online",
        "q=web&deviceClass=device",
        `uids=${f.pick(known)}`,
        `exceptUids=${f.pick(known)}&os=windows`,
        "",
      ]);
      return { value, verdict: "valid" };
    }
    if (f.chance(0.3))
      return { value: f.pick(["filterId=5", "within=status%3Donline"]), verdict: "invalid" };
    return { value: hostileText(f), verdict: "either" };
  });
}

export function deviceQueryFields(known: { devices: Known; sites: Known }): Record<string, Field> {
  const days = int(0, 36500);
  return {
    q: text({ max: 200, trim: true }),
    siteUid: orKnown(text({ max: 100 }), known.sites),
    status: oneOf(["online", "offline"]),
    deviceClass: oneOf(DEVICE_CLASSES),
    deviceType: text({ max: 100 }),
    os: text({ max: 200 }),
    rebootRequired: bool(),
    patchStatus: oneOf(PATCH_STATUSES),
    antivirusStatus: oneOf(ANTIVIRUS_STATUSES),
    lastSeenOlderThanDays: days,
    lastAuditOlderThanDays: days,
    udf,
    sort,
    dir: oneOf(["asc", "desc"]),
    offset: int(0, Number.MAX_SAFE_INTEGER),
    limit: int(1, MAX_DEVICE_LIMIT),
    uids: uidList(200, known.devices),
    exceptUids: uidList(100, known.devices),
    within: within(known.devices),
  };
}
