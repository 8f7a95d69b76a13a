import { RawJson, text, type Field, type Sample } from "./fuzz-fields";
import type { FuzzRng } from "./fuzz-rng";
import { hostileText } from "./hostile-text";

/**
 * JSON bodies as key/value entries, serialized by hand so a body can carry what JSON.stringify
 * never writes: a duplicate key (the later wins, as JSON.parse has it), an own `__proto__` key,
 * nesting thousands deep.
 */
export type Body = { entries: Array<[string, unknown]>; fields: Record<string, Sample> };
export type BodyGen = (f: FuzzRng) => Body;

export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (value !== null && typeof value === "object") return objectText(Object.entries(value));
  return JSON.stringify(value) ?? "null";
}

export const objectText = (entries: Array<[string, unknown]>) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;

const JUNK_KEYS = ["__proto__", "constructor", "prototype", "isAdmin", "id", "\u0000", "a.b"];

/** An object of `fields` (each may leave itself out), sometimes with junk keys or a duplicate. */
export function objectBody(
  fields: Record<string, Field>,
  options: { atLeastOne?: readonly string[] } = {},
): BodyGen {
  return (f) => {
    const entries: Array<[string, unknown]> = [];
    const samples: Record<string, Sample> = {};
    for (const [name, field] of Object.entries(fields)) {
      const sample = field(f, "json");
      samples[name] = sample;
      if (sample.value !== undefined) entries.push([name, sample.value]);
    }
    if (f.chance(0.15)) {
      // Keys the schema does not know are dropped, prototype names included.
      const key = f.pick(JUNK_KEYS.filter((k) => !(k in fields)));
      entries.splice(f.int(0, entries.length), 0, [key, f.pick([{ isAdmin: true }, "x", 1])]);
    }
    if (f.chance(0.1) && entries.length > 0) entries.unshift([f.pick(entries)[0], "overwritten"]);
    const present = options.atLeastOne?.some((name) => samples[name]?.value !== undefined);
    if (options.atLeastOne && !present) samples[""] = { value: undefined, verdict: "invalid" };
    return { entries, fields: samples };
  };
}

/** { "udfN": label }: keys udf1..udf300, labels of at most 100 characters once trimmed. */
export const udfLabelsBody: BodyGen = (f) => {
  const label = text({ max: 100, trim: true });
  const entries: Array<[string, unknown]> = [];
  // No prototype: "__proto__" is a key like any other here.
  const fields: Record<string, Sample> = Object.create(null) as Record<string, Sample>;
  for (let i = f.int(0, 4); i > 0; i--) {
    const key = f.chance(0.7)
      ? `udf${f.int(1, 300)}`
      : f.pick(["udf0", "udf301", "UDF1", "udf01", "__proto__", "constructor", hostileText(f)]);
    const sample = label(f, "json");
    if (sample.value === undefined) continue;
    const n = /^udf(\d+)$/.exec(key)?.[1];
    const keyOk = n !== undefined && String(Number(n)) === n && +n >= 1 && +n <= 300;
    entries.push([key, sample.value]);
    fields[key] = keyOk ? sample : { value: sample.value, verdict: "invalid" };
  }
  return { entries, fields };
};
