import type { FuzzRng } from "./fuzz-rng";
import { hostileText, lengthNear, textOfLength } from "./hostile-text";

/*
 * Generators for one input field each, with the oracle beside them: every value says whether the
 * API must accept it ("valid"), must refuse it with a 400 naming the field ("invalid"), or may do
 * either ("either": "0x10" for a number, a garbled percent-escape). The rules are written here
 * from what each field means, not read off the app's schemas, so a schema that drifts from them
 * fails the fuzz.
 */

export type Verdict = "valid" | "invalid" | "either";
/** Where a value travels: a path segment, a query-string value or a JSON body value. */
export type Where = "param" | "query" | "json";
/** A JSON value sent as this exact text (nesting deeper than JSON.stringify can write). */
export class RawJson {
  constructor(readonly text: string) {}
}
/** `value` undefined: the field is left out. `tag` tells the route's expectations what it is. */
export type Sample = { value: unknown; verdict: Verdict; tag?: string };
export type Field = (f: FuzzRng, where: Where) => Sample;

type Options = {
  required?: boolean;
  /** JSON values of the wrong type for this field (default: anything but a string). */
  wrong?: readonly unknown[];
};

const absent = (required: boolean | undefined): Sample => ({
  value: undefined,
  verdict: required ? "invalid" : "valid",
});

/** "", "." and ".." are not path segments a URL can carry: the URL parser drops or resolves them. */
const pathSafe = (s: string) => (s === "" || s === "." || s === ".." ? `${s}x` : s);

/**
 * The query-string conventions (server/contract/query-params.ts): a blank value means the field
 * is absent; a repeated param is a list, which no single-valued field accepts.
 */
function inQuery(f: FuzzRng, required: boolean | undefined, one: () => Sample): Sample {
  const r = f.next();
  if (r < 0.08) return absent(required);
  if (r < 0.14) return { value: "", verdict: required ? "invalid" : "valid" };
  if (r < 0.2) return { value: [String(one().value), String(one().value)], verdict: "invalid" };
  return one();
}

/** What JSON can send where a string or an enum is wanted. */
export const NOT_A_STRING: readonly unknown[] = [
  42,
  -1.5,
  1e308,
  true,
  false,
  null,
  [],
  ["x"],
  {},
  new RawJson('{"__proto__":{"isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}'),
  new RawJson(`${"[".repeat(5000)}${"]".repeat(5000)}`),
];

function inJson(f: FuzzRng, options: Options, one: () => Sample): Sample {
  const r = f.next();
  if (r < 0.08) return absent(options.required);
  if (r < 0.2) return { value: f.pick(options.wrong ?? NOT_A_STRING), verdict: "invalid" };
  return one();
}

function place(f: FuzzRng, where: Where, options: Options, one: () => Sample): Sample {
  if (where === "param") return one();
  return where === "query" ? inQuery(f, options.required, one) : inJson(f, options, one);
}

/** A field of its own kind, placed by the same conventions (absent, blank, repeated, wrong type). */
export function field(o: Options, one: (f: FuzzRng, where: Where) => Sample): Field {
  return (f, where) => place(f, where, o, () => one(f, where));
}

/** Free text of `min`..`max` characters (code points, after trimming when the field trims). */
export function text(o: Options & { max: number; min?: number; trim?: boolean }): Field {
  const min = o.min ?? 0;
  return (f, where) =>
    place(f, where, o, () => {
      const raw = f.chance(0.5)
        ? hostileText(f, { loneSurrogates: where === "json" })
        : textOfLength(f, lengthNear(f, f.chance(0.7) ? o.max : Math.max(min, 1)));
      const value = where === "param" ? pathSafe(raw) : raw;
      const length = [...(o.trim ? value.trim() : value)].length;
      return { value, verdict: length >= min && length <= o.max ? "valid" : "invalid" };
    });
}

/** One of `values`, exactly (case and spaces count). */
export function oneOf(values: readonly string[], o: Options = {}): Field {
  return (f, where) =>
    place(f, where, o, () => {
      if (f.chance(0.6)) return { value: f.pick(values), verdict: "valid" };
      const v = f.pick(values);
      const value = f.pick([v.toUpperCase(), ` ${v}`, `${v}\u0000`, `${v}\u200b`, hostileText(f)]);
      return { value, verdict: values.includes(value) ? "valid" : "invalid" };
    });
}

/** A whole number in min..max, written in decimal; other spellings JavaScript reads are "either". */
export function judgeInt(s: string, min: number, max: number): Verdict {
  if (/^-?\d+$/.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) && n >= min && n <= max ? "valid" : "invalid";
  }
  const n = Number(s);
  if (!Number.isFinite(n) || !Number.isInteger(n) || /^-?\d+\.\d*[1-9]/.test(s)) return "invalid";
  return "either";
}

const ODD_NUMBERS = ["1.5", "-0.5", "abc", "NaN", "Infinity", "-Infinity", "1e400"];
const ODDER_NUMBERS = ["99999999999999999999", "１２", "0x10", "1e2", " 7", "+7", "007", "7.0"];

export function int(min: number, max: number, o: Options = {}): Field {
  return (f, where) => {
    if (where === "json") throw new Error("int() is for paths and query strings");
    return place(f, where, o, () => {
      const value = f.pick([
        () => String(f.int(min, Math.min(max, min + 1000))),
        () => String(f.pick([min - 1, min, max, max + 1])),
        () => f.pick(ODD_NUMBERS),
        () => f.pick(ODDER_NUMBERS),
        () => hostileText(f),
      ])();
      return { value, verdict: judgeInt(value, min, max) };
    });
  };
}

/** true or false: the words in a query string, the JSON values in a body. */
export function bool(o: Options = {}): Field {
  const wrong = NOT_A_STRING.filter((v) => typeof v !== "boolean");
  return (f, where) =>
    place(f, where, { wrong, ...o }, () => {
      if (where === "json") {
        return f.chance(0.7)
          ? { value: f.pick([true, false]), verdict: "valid" }
          : { value: f.pick(["true", 1, 0, null, "false"]), verdict: "invalid" };
      }
      return f.chance(0.6)
        ? { value: f.pick(["true", "false"]), verdict: "valid" }
        : {
            value: f.pick(["TRUE", "1", "0", "yes", "on", "false ", hostileText(f)]),
            verdict: "invalid",
          };
    });
}

/** A value matching `pattern`, made by `valid`, or hostile text judged by the same pattern. */
export function matching(pattern: RegExp, valid: (f: FuzzRng) => string, o: Options = {}): Field {
  return (f, where) =>
    place(f, where, o, () => {
      const value = f.chance(0.5) ? valid(f) : pathSafe(hostileText(f));
      return { value, verdict: pattern.test(value) ? "valid" : "invalid" };
    });
}

/** A JSON array of `item`s, at most `max` of them. */
export function listOf(item: Field, max: number, o: Options = {}): Field {
  // Any array may be a list; a string of commas is not.
  const wrong = [...NOT_A_STRING.filter((v) => !Array.isArray(v)), "a,b"];
  return (f, where) =>
    place(f, where, { wrong, ...o }, () => {
      const items = Array.from({ length: f.chance(0.05) ? max + 1 : f.int(0, 4) }, () =>
        item(f, where),
      ).filter((s) => s.value !== undefined);
      const verdict =
        items.length > max || items.some((s) => s.verdict === "invalid")
          ? "invalid"
          : items.some((s) => s.verdict === "either")
            ? "either"
            : "valid";
      return { value: items.map((s) => s.value), verdict };
    });
}

/** The worst of several verdicts. */
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let result: Verdict = "valid";
  for (const v of verdicts) {
    if (v === "invalid") return "invalid";
    if (v === "either") result = "either";
  }
  return result;
}
