import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSpecFiles } from "../server/datto/spec/extract-schemas";

/**
 * `npm run spec:generate [-- --from <openapi.json>]`: regenerates server/datto/spec/datto-schemas.json
 * and its SOURCE.md from Datto's OpenAPI document (default ../shared/datto-rmm/openapi.json).
 */
const root = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
if (args.length > 0 && (fromAt !== 0 || args.length !== 2)) {
  console.error("Usage: npm run spec:generate [-- --from <path to openapi.json>]");
  process.exit(2);
}
const from = path.resolve(
  fromAt === 0 && args[1] ? args[1] : path.join(root, "../shared/datto-rmm/openapi.json"),
);
let bytes: Buffer;
try {
  bytes = readFileSync(from);
} catch {
  console.error(`Cannot read Datto's OpenAPI document at ${from}.`);
  process.exit(1);
}
const out = path.join(root, "server/datto/spec");
const files = generateSpecFiles(bytes);
writeFileSync(path.join(out, "datto-schemas.json"), files.schemasJson);
writeFileSync(path.join(out, "SOURCE.md"), files.sourceNote);
console.info(`Wrote ${path.relative(root, out)}/datto-schemas.json and SOURCE.md from ${from}`);
