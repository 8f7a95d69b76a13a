import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Turns Datto's openapi.json into validators for the simulator's answers, patching the spec's
 * known defects (SOURCE.md, API.md §6) here, never in the wire: epoch-ms timestamps, nullable
 * everything, `alertContext` as an object tagged with "@class", success schemas under error codes.
 * Test-only: imported by conformance.test.ts.
 */
type Json = Record<string, unknown>;
const SPEC_ID = "https://datto.spec.test/openapi.json";
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

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
  // Every observed date travels as epoch milliseconds (API.md §6).
  if (out.format === "date-time")
    return { anyOf: [{ type: "string", format: "date-time" }, { type: "integer" }] };
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

export interface SpecValidators {
  /** The validator for the success body of an operation, e.g. ("GET", "/v2/device/{deviceUid}"). */
  forOperation(method: string, path: string): ValidateFunction;
  schemaNames(): string[];
}

export function createSpecValidators(spec: Json): SpecValidators {
  const components = (spec.components as Json).schemas as Json;
  const schemas = patch(components) as Json;
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
      if (!op) throw new Error(`openapi.json has no operation ${method} ${path}`);
      const responses = op.responses as Record<string, Json>;
      // The spec hangs success schemas on error codes; take 200 if present, else the first one.
      const code = ["200", "201", "400", "401", "403", "404"].find((c) =>
        isObj(responses[c]?.content),
      );
      if (!code) throw new Error(`openapi.json has no response schema for ${method} ${path}`);
      const content = responses[code]!.content as Record<string, { schema: unknown }>;
      const schema = Object.values(content)[0]!.schema;
      return ajv.compile(patch(schema) as Json);
    },
    schemaNames: () => Object.keys(components),
  };
}
