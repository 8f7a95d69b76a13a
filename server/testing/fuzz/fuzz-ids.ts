import { matching, type Field } from "./fuzz-fields";
import type { FuzzRng } from "./fuzz-rng";

/** Ids in paths and lists: ones the app knows, well-formed ones it does not, malformed ones. */

/**
 * `inner`, or (with probability p) one of the values the app knows. The tag says which: the
 * value's tag from `list` (an owner, "known"), or "unknown" for any other value.
 */
export function orKnown(inner: Field, list: ReadonlyMap<string, string>, p = 0.4): Field {
  return (f, where) => {
    if (list.size > 0 && f.chance(p)) {
      const value = f.pick([...list.keys()]);
      return { value, verdict: "valid", tag: list.get(value)! };
    }
    const sample = inner(f, where);
    if (sample.value === undefined || sample.value === "") return sample;
    const tag = typeof sample.value === "string" ? list.get(sample.value) : undefined;
    return { ...sample, tag: tag ?? "unknown" };
  };
}

const ID_CHARS = "ABCDEFabcdef0123456789-_";

/** A Datto uid as a path or list carries one: a letter or digit, then those or - and _. */
export const UID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function wellFormedUid(f: FuzzRng): string {
  let uid = f.pick([..."abcdef0123456789"]);
  for (let i = f.chance(0.1) ? f.int(99, 120) : f.int(0, 40); i > 0; i--)
    uid += f.pick([...ID_CHARS]);
  return uid;
}

/** A Datto uid in a path: well-formed ones reach the handler, the rest get a 400. */
export const uid: Field = matching(UID_PATTERN, wellFormedUid);
