import { createHash } from "node:crypto";

/**
 * Turns Datto's OpenAPI document into the schemas-only file the project carries
 * (server/datto/spec/datto-schemas.json, decision 0012): component schemas and, per operation,
 * its response schemas, with every validation keyword kept and every piece of prose dropped.
 * Deterministic: keys are sorted, so the same document always gives the same bytes.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** JSON Schema / OpenAPI keywords that say what is valid; anything else (prose, examples) goes. */
const SCHEMA_KEYWORDS = new Set([
  "$ref",
  "additionalProperties",
  "allOf",
  "anyOf",
  "const",
  "discriminator",
  "enum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "format",
  "items",
  "maxItems",
  "maxLength",
  "maximum",
  "minItems",
  "minLength",
  "minimum",
  "not",
  "nullable",
  "oneOf",
  "pattern",
  "properties",
  "readOnly",
  "required",
  "type",
  "uniqueItems",
  "writeOnly",
]);
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function sortedObject(entries: Array<[string, Json]>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out[key] = value;
  return out;
}

/** One schema without its prose; `properties` keys are names (a property may be called "description"). */
function stripSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(stripSchema);
  if (!isObject(schema)) return schema;
  const entries: Array<[string, Json]> = [];
  for (const [key, value] of Object.entries(schema)) {
    if (!SCHEMA_KEYWORDS.has(key)) continue;
    if (key === "properties" && isObject(value)) {
      entries.push([
        key,
        sortedObject(Object.entries(value).map(([name, prop]) => [name, stripSchema(prop)])),
      ]);
    } else if (key === "discriminator" && isObject(value)) {
      const kept = Object.entries(value).filter(([k]) => k === "propertyName" || k === "mapping");
      entries.push([key, sortedObject(kept)]);
    } else if (key === "enum" || key === "required" || key === "const") {
      entries.push([key, value]);
    } else {
      entries.push([key, stripSchema(value)]);
    }
  }
  return sortedObject(entries);
}

/** One response's schema under its media type: application/json when offered, else the first. */
function responseContent(response: Json): JsonObject | undefined {
  if (!isObject(response) || !isObject(response.content)) return undefined;
  const media = Object.entries(response.content).filter(
    (entry): entry is [string, JsonObject] => isObject(entry[1]) && "schema" in entry[1],
  );
  const chosen = media.find(([type]) => type === "application/json") ?? media[0];
  return chosen ? { [chosen[0]]: { schema: stripSchema(chosen[1].schema ?? null) } } : undefined;
}

function extractPaths(paths: Json): JsonObject {
  if (!isObject(paths)) return {};
  return sortedObject(
    Object.entries(paths).map(([path, item]): [string, Json] => {
      const methods = isObject(item) ? Object.entries(item) : [];
      return [
        path,
        sortedObject(
          methods
            .filter(([method]) => HTTP_METHODS.has(method))
            .map(([method, operation]): [string, Json] => {
              const responses =
                isObject(operation) && isObject(operation.responses) ? operation.responses : {};
              const kept: Array<[string, Json]> = [];
              for (const [code, response] of Object.entries(responses)) {
                const content = responseContent(response);
                if (content) kept.push([code, { content }]);
              }
              return [method, { responses: sortedObject(kept) }];
            }),
        ),
      ];
    }),
  );
}

interface SpecSource {
  /** `info.version` of the document, e.g. "2.0.0 (Build 201_...)". */
  version: string;
  /** sha256 of the document's bytes, hex. */
  sha256: string;
}

export interface DattoSchemas {
  source: SpecSource;
  components: { schemas: JsonObject };
  paths: JsonObject;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The schemas-only content of an OpenAPI document (already parsed), for a known source. */
export function extractSchemas(document: unknown, source: SpecSource): DattoSchemas {
  const doc = isObject(document) ? document : {};
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    source,
    components: {
      schemas: sortedObject(
        Object.entries(schemas).map(([name, schema]) => [name, stripSchema(schema)]),
      ),
    },
    paths: extractPaths(doc.paths ?? null),
  };
}

export const serializeSchemas = (schemas: DattoSchemas): string =>
  `${JSON.stringify(schemas, null, 2)}\n`;

/** SOURCE.md beside the schemas file: where it comes from and how to make it again. */
export function renderSourceNote(source: SpecSource, schemasSha256: string): string {
  return [
    "# Where datto-schemas.json comes from",
    "",
    "Generated by `npm run spec:generate` (scripts/generate-datto-schemas.ts); do not edit by hand.",
    "",
    "- Source: Datto RMM API v2 OpenAPI document (OpenAPI 3.1), as Datto serves it at",
    "  `https://{platform}-api.centrastage.net/api/v3/api-docs/Datto-RMM`; the copy read is",
    "  `../shared/datto-rmm/openapi.json` beside the project (its own SOURCE.md says where it was taken).",
    `- Document version: ${source.version}`,
    `- Document sha256: ${source.sha256}`,
    `- datto-schemas.json sha256: ${schemasSha256}`,
    "- Kept: component schemas and each operation's response schemas, with their validation keywords",
    "  (type, properties, required, enum, items, $ref, format, allOf/oneOf/anyOf, ...). Dropped: every",
    "  description, summary, example, title, tag and parameter. The document is Datto's (all rights",
    "  reserved); the project carries only this extract, so its tests pass on a clone with nothing beside it.",
    "- Regenerate when Datto publishes a new document: place it at ../shared/datto-rmm/openapi.json and run",
    "  `npm run spec:generate` (or `npm run spec:generate -- --from <file>`), then run the conformance",
    "  suite (`npx vitest run server/datto`).",
    "",
  ].join("\n");
}

interface GeneratedSpecFiles {
  schemasJson: string;
  sourceNote: string;
}

/** Both committed files from the document's bytes. */
export function generateSpecFiles(documentBytes: Uint8Array): GeneratedSpecFiles {
  const document: unknown = JSON.parse(new TextDecoder().decode(documentBytes));
  const info = isObject(document) && isObject(document.info) ? document.info : {};
  const source: SpecSource = {
    version: typeof info.version === "string" ? info.version : "unknown",
    sha256: sha256Hex(documentBytes),
  };
  const schemasJson = serializeSchemas(extractSchemas(document, source));
  return { schemasJson, sourceNote: renderSourceNote(source, sha256Hex(schemasJson)) };
}
