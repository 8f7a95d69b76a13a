import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Turns the project's extract of Datto's spec (server/datto/spec/datto-schemas.json) into
 * validators for the simulator's answers, patching the spec's known defects (API.md §6) here,
 * never in the wire:
 * - date-time fields stay ISO-8601 strings, except the fields observed live as epoch ms
 *   (`epochMsFields`), which accept an integer instead;
 * - any field may be null;
 * - `alertContext` is an object tagged with "@class" whose classes differ from the spec's;
 * - success schemas hang on error codes.
 * Test-only: imported by conformance.test.ts.
 */
type Json = Record<string, unknown>;
const SPEC_ID = "https://datto.spec.test/datto-schemas.json";
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** "Schema.property" names of the date-time fields seen live as epoch milliseconds (API.md §6). */
export const LIVE_EPOCH_MS_FIELDS = [
  "Device.lastSeen",
  "Device.lastReboot",
  "Device.lastAuditDate",
  "Device.creationDate",
  "Alert.timestamp",
  "Alert.resolvedOn",
  "AuthUser.created",
  "AuthUser.lastAccess",
] as const;

const EPOCH_MS_OR_ISO = { anyOf: [{ type: "string", format: "date-time" }, { type: "integer" }] };

function patch(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(patch);
  if (!isObj(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema))
    out[k] =
      k === "properties" && isObj(v)
        ? Object.fromEntries(Object.entries(v).map(([name, prop]) => [name, nullable(patch(prop))]))
        : patch(v);
  if (typeof out.$ref === "string") out.$ref = `${SPEC_ID}#${encodeURI(out.$ref.slice(1))}`;
  return out;
}

function nullable(schema: unknown): unknown {
  if (!isObj(schema)) return schema;
  if (Array.isArray(schema.enum)) {
    const { type: _type, ...rest } = schema;
    return { ...rest, enum: [...schema.enum, null] };
  }
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  return { anyOf: [schema, { type: "null" }] };
}

function allowEpochMs(schemas: Json, fields: readonly string[]): void {
  for (const field of fields) {
    const [name, property] = field.split(".");
    const target = isObj(schemas[name ?? ""]) ? (schemas[name ?? ""] as Json) : null;
    const properties = target && isObj(target.properties) ? target.properties : null;
    const prop = properties?.[property ?? ""];
    if (!properties || !isObj(prop) || prop.format !== "date-time")
      throw new Error(`${field} is not a date-time field of the spec`);
    properties[property!] = EPOCH_MS_OR_ISO;
  }
}

export interface SpecValidators {
  /** The validator for the success body of an operation, e.g. ("GET", "/v2/device/{deviceUid}"). */
  forOperation(method: string, path: string): ValidateFunction;
  schemaNames(): string[];
}

interface SpecValidatorOptions {
  /** Date-time fields that may travel as epoch ms; default the ones seen live. */
  epochMsFields?: readonly string[];
}

export function createSpecValidators(
  spec: Json,
  options: SpecValidatorOptions = {},
): SpecValidators {
  const components = (spec.components as Json).schemas as Json;
  const copy = structuredClone(components);
  allowEpochMs(copy, options.epochMsFields ?? LIVE_EPOCH_MS_FIELDS);
  const schemas = patch(copy) as Json;
  const alert = schemas.Alert as { properties: Json };
  alert.properties.alertContext = {
    anyOf: [
      { type: "object", required: ["@class"], properties: { "@class": { type: "string" } } },
      { type: "null" },
    ],
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas } });
  const paths = spec.paths as Record<string, Record<string, Json>>;
  return {
    forOperation(method, path) {
      const op = paths[path]?.[method.toLowerCase()];
      if (!op) throw new Error(`the spec has no operation ${method} ${path}`);
      const responses = op.responses as Record<string, { content: Record<string, Json> }>;
      // The spec hangs success schemas on error codes; take 200 if present, else the first one.
      const code = ["200", "201", "400", "401", "403", "404"].find((c) => responses[c]);
      if (!code) throw new Error(`the spec has no response schema for ${method} ${path}`);
      const [media] = Object.values(responses[code]!.content);
      return ajv.compile(patch(media?.schema) as Json);
    },
    schemaNames: () => Object.keys(components),
  };
}
