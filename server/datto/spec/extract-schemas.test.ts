import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  extractSchemas,
  generateSpecFiles,
  renderSourceNote,
  serializeSchemas,
  sha256Hex,
  type DattoSchemas,
} from "./extract-schemas";

/** A small OpenAPI document with the shapes Datto's uses: prose everywhere, a property named like a keyword. */
const FIXTURE = {
  openapi: "3.1.0",
  info: { title: "Fixture API", description: "prose", version: "9.9.9 (Build 1)" },
  tags: [{ name: "sites", description: "more prose" }],
  paths: {
    "/v2/site/{siteUid}": {
      summary: "path-level prose",
      get: {
        tags: ["sites"],
        summary: "Fetches a site",
        operationId: "getSite",
        parameters: [{ name: "siteUid", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "404": { description: "Not found" },
          "200": {
            description: "OK",
            content: { "*/*": { schema: { $ref: "#/components/schemas/Site" } } },
          },
        },
      },
      post: {
        summary: "Updates a site",
        responses: {
          "200": {
            description: "OK",
            content: {
              "text/plain": { schema: { type: "string" } },
              "application/json": { schema: { $ref: "#/components/schemas/Site" } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Site: {
        type: "object",
        title: "Site",
        description: "Site data",
        required: ["uid"],
        properties: {
          uid: { type: "string", description: "The uid", example: "abc" },
          description: { type: "string", description: "a property called description" },
          created: { type: "string", format: "date-time", example: "2026-01-01T00:00:00Z" },
          kind: { type: "string", enum: ["a", "b"], description: "kind" },
          tags: { type: "array", items: { type: "string", title: "tag" }, uniqueItems: true },
          context: {
            oneOf: [{ $ref: "#/components/schemas/Ctx" }],
            discriminator: { propertyName: "@class", "x-extra": 1 },
          },
          counts: { type: "object", additionalProperties: { type: "integer", format: "int32" } },
        },
        "x-vendor": true,
      },
      Ctx: { allOf: [{ $ref: "#/components/schemas/Site" }], examples: [{}] },
    },
  },
};

const EXPECTED: DattoSchemas = {
  source: { version: "9.9.9 (Build 1)", sha256: "" },
  components: {
    schemas: {
      Ctx: { allOf: [{ $ref: "#/components/schemas/Site" }] },
      Site: {
        properties: {
          context: {
            discriminator: { propertyName: "@class" },
            oneOf: [{ $ref: "#/components/schemas/Ctx" }],
          },
          counts: { additionalProperties: { format: "int32", type: "integer" }, type: "object" },
          created: { format: "date-time", type: "string" },
          description: { type: "string" },
          kind: { enum: ["a", "b"], type: "string" },
          tags: { items: { type: "string" }, type: "array", uniqueItems: true },
          uid: { type: "string" },
        },
        required: ["uid"],
        type: "object",
      },
    },
  },
  paths: {
    "/v2/site/{siteUid}": {
      get: {
        responses: {
          "200": { content: { "*/*": { schema: { $ref: "#/components/schemas/Site" } } } },
        },
      },
      post: {
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/Site" } } },
          },
        },
      },
    },
  },
};

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 1));

/** The same document with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe("the schemas-only extract of Datto's OpenAPI document", () => {
  it("keeps types, properties, required, enums, items, $ref, formats and combinators, drops all prose", () => {
    const input = bytes(FIXTURE);
    const files = generateSpecFiles(input);
    const sha = sha256Hex(input);
    expect(JSON.parse(files.schemasJson)).toEqual({
      ...EXPECTED,
      source: { ...EXPECTED.source, sha256: sha },
    });
    expect(files.schemasJson).not.toMatch(
      /prose|Fetches|example|title|x-vendor|x-extra|operationId/,
    );
  });

  it("is deterministic: key order in the document does not change a byte", () => {
    const a = extractSchemas(FIXTURE, { version: "v", sha256: "s" });
    const b = extractSchemas(reversed(FIXTURE), { version: "v", sha256: "s" });
    expect(serializeSchemas(b)).toBe(serializeSchemas(a));
  });

  it("records the document's version and sha256, and the extract's own sha256, in SOURCE.md", () => {
    const input = bytes(FIXTURE);
    const files = generateSpecFiles(input);
    expect(files.sourceNote).toContain("Document version: 9.9.9 (Build 1)");
    expect(files.sourceNote).toContain(`Document sha256: ${sha256Hex(input)}`);
    expect(files.sourceNote).toContain(
      `datto-schemas.json sha256: ${sha256Hex(files.schemasJson)}`,
    );
    expect(files.sourceNote).toContain("npm run spec:generate");
    // Another document gives another note.
    const other = generateSpecFiles(bytes({ ...FIXTURE, info: { version: "10" } }));
    expect(other.sourceNote).not.toBe(files.sourceNote);
  });
});

describe("the committed extract (server/datto/spec)", () => {
  const committedJson = readFileSync(new URL("./datto-schemas.json", import.meta.url), "utf8");
  const committedNote = readFileSync(new URL("./SOURCE.md", import.meta.url), "utf8");
  const committed = JSON.parse(committedJson) as DattoSchemas;

  it("agrees with its SOURCE.md: the note is the generator's, with this file's sha256", () => {
    expect(committedNote).toBe(renderSourceNote(committed.source, sha256Hex(committedJson)));
    expect(committed.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is exactly what the generator writes (re-extracting it changes nothing: no hand edits, no prose)", () => {
    const again = serializeSchemas(extractSchemas(committed, committed.source));
    expect(again).toBe(committedJson);
  });

  it("holds the operations and schemas the conformance suite needs", () => {
    expect(Object.keys(committed.components.schemas)).toEqual(
      expect.arrayContaining(["Device", "Alert", "Job", "JobResults", "Filter", "DeviceAudit"]),
    );
    expect(committed.paths["/v2/device/{deviceUid}/quickjob"]).toHaveProperty("put");
  });
});
