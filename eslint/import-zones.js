import path from "node:path";

/**
 * Which part of the code may import which (docs/architecture.md draws the picture). A zone names
 * the files it governs (`files`, a path prefix where `*` is one folder name; `unless` prefixes and,
 * with `tests: false`, test files left out) and what they may not import (`forbid`, prefixes), or
 * the only server code they may import (`only`). `except` lifts a forbidden prefix for some
 * targets; in it `$1` is the folder the file's `*` matched ("src/features/$1/": its own feature).
 *
 * Imports are resolved by path, not by the text written: `../../sites/x` from inside a feature is
 * caught as well as `@/features/sites/x`. Packages (react, zod, hono) are not zoned here.
 */
const SERVER_ABOVE_DATTO = [
  "server/store/",
  "server/auth/",
  "server/events/",
  "server/live/",
  "server/fleet/",
  "server/users/",
  "server/views/",
  "server/agents/",
  "server/approvals/",
  "server/settings/",
  "server/mcp/",
  "server/middleware/",
  "server/routes/",
  "server/cli/",
  "server/app",
  "server/compose",
  "server/main",
];
const USE_CASES = [
  "server/fleet/",
  "server/users/",
  "server/views/",
  "server/agents/",
  "server/approvals/",
  "server/settings/",
];
const HTTP = [
  "server/middleware/",
  "server/routes/",
  "server/app",
  "server/compose",
  "server/main",
];

export const ZONES = [
  // The SPA
  {
    files: "src/features/*/",
    forbid: ["src/features/", "src/app/"],
    except: ["src/features/$1/"],
    message:
      "A feature never imports another feature or the app shell: lift shared code to src/entities, src/components or src/lib.",
  },
  {
    files: "src/entities/*/",
    forbid: ["src/features/", "src/app/"],
    message: "Entities sit below features: an entity imports no feature and not the app shell.",
  },
  {
    files: "src/components/",
    forbid: ["src/features/", "src/entities/", "src/app/"],
    message: "Shared components know no feature, entity or app: pass data in through props.",
  },
  {
    files: "src/lib/",
    forbid: ["src/features/", "src/entities/", "src/app/", "src/components/"],
    message: "src/lib is plumbing: it imports no feature, entity, component or app code.",
  },
  {
    files: "src/",
    unless: ["src/testing/"],
    forbid: ["server/"],
    except: ["server/contract/", "server/app-type"],
    message: "The SPA imports from server/ only contract/ and the AppType.",
  },
  // The server, bottom up
  {
    files: "server/contract/",
    only: ["server/contract/"],
    message: "The contract is shared with the SPA: it imports only other contract files (and zod).",
  },
  {
    files: "server/lib/",
    only: ["server/lib/"],
    message: "server/lib holds leaf utilities: it imports nothing else of the server.",
  },
  {
    files: "server/datto/gateway/",
    tests: false,
    forbid: ["server/datto/api/", "server/datto/simulator/", ...SERVER_ABOVE_DATTO],
    message:
      "The gateway is the bottom of the Datto stack: it knows no facade, simulator or caller.",
  },
  {
    files: "server/datto/api/",
    tests: false,
    forbid: ["server/datto/simulator/", ...SERVER_ABOVE_DATTO],
    message: "The Datto facade knows the gateway and the schemas, nothing above them.",
  },
  {
    files: "server/datto/schemas/",
    tests: false,
    forbid: [
      "server/datto/gateway/",
      "server/datto/api/",
      "server/datto/simulator/",
      ...SERVER_ABOVE_DATTO,
    ],
    message: "Datto schemas describe Datto's payloads only.",
  },
  {
    files: "server/datto/simulator/",
    forbid: ["server/datto/gateway/", "server/datto/api/", ...SERVER_ABOVE_DATTO],
    message:
      "The simulator is the vendor: it imports nothing of the gateway, the routes or the store.",
  },
  {
    files: "server/store/",
    forbid: ["server/datto/", ...SERVER_ABOVE_DATTO.filter((p) => p !== "server/store/")],
    message: "The store is persistence only: it knows the contract, not Datto or its callers.",
  },
  {
    files: "server/store/",
    tests: false,
    forbid: ["server/testing/"],
    message:
      "Test helpers (the store's contract suites and harnesses) live in server/testing/; the store never imports them.",
  },
  {
    files: "server/auth/",
    forbid: [...USE_CASES, ...HTTP],
    message:
      "Auth sits below the use-cases and the HTTP layer (middleware imports auth, never back).",
  },
  {
    files: "server/events/",
    forbid: [...USE_CASES, ...HTTP],
    message: "The event log sits below the use-cases that append to it.",
  },
  {
    files: "server/live/",
    forbid: [...USE_CASES, ...HTTP],
    message: "The live bus sits below the use-cases that publish on it and the route that streams it.",
  },
  ...USE_CASES.map((files) => ({
    files,
    forbid: HTTP,
    message:
      "Use-cases (and the fleet index) know no HTTP: routes, the CLI and later MCP tools all call them.",
  })),
  {
    files: "server/middleware/",
    forbid: ["server/routes/", "server/app", "server/compose", "server/main"],
    message: "Middleware sits below the routes.",
  },
  {
    files: "server/routes/",
    forbid: ["server/app", "server/compose", "server/main"],
    message: "Routes are mounted by app.ts; they do not import it.",
  },
  {
    files: "server/",
    unless: [
      "server/compose",
      "server/cli/",
      "server/testing/",
      "server/datto/simulator/",
      "server/store/",
    ],
    tests: false,
    forbid: ["server/datto/simulator/", "server/store/sqlite/", "server/testing/"],
    message:
      "Only the wiring (compose.ts, the CLI, server/testing) builds the simulator and the SQLite store; routes and use-cases get them passed in.",
  },
];

const ALIASES = [
  ["@/", "src/"],
  ["@server/", "server/"],
];

/** The repository path an import names, or null for a package. */
export function resolveImport(fromFile, specifier) {
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  }
  for (const [alias, dir] of ALIASES) {
    if (specifier.startsWith(alias)) return dir + specifier.slice(alias.length);
  }
  return null;
}

/** The folder name `*` matched when `file` is in the zone, or null when it is not. */
function matchZone(zonePattern, file) {
  const [before, after] = zonePattern.split("*");
  if (after === undefined) return file.startsWith(before) ? "" : null;
  if (!file.startsWith(before)) return null;
  const rest = file.slice(before.length);
  const name = rest.split("/")[0];
  return rest.startsWith(name + after) && name !== "" ? name : null;
}

/** "zone message" when `target` may not be imported from `file`, else null. */
export function zoneViolation(file, target) {
  const inTarget = (prefixes, own) =>
    prefixes.some((p) => {
      const prefix = p.replace("$1", own);
      if (target === prefix.replace(/\/$/, "")) return true;
      // A folder prefix ("server/routes/") covers the folder; a file prefix ("server/app") the
      // file and its siblings named after it (app.ts, app-type), not server/approvals/.
      return target.startsWith(prefix) && (prefix.endsWith("/") || !/^[\w]/.test(target.slice(prefix.length)));
    });
  const isTest = /\.test\.tsx?$/.test(file);
  for (const zone of ZONES) {
    const own = matchZone(zone.files, file);
    if (own === null || (zone.tests === false && isTest)) continue;
    if ((zone.unless ?? []).some((prefix) => file.startsWith(prefix))) continue;
    if (zone.only) {
      if (target.startsWith("server/") && !inTarget(zone.only, own)) return zone.message;
      continue;
    }
    if (inTarget(zone.forbid, own) && !inTarget(zone.except ?? [], own)) return zone.message;
  }
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: {
      description: "Keeps imports inside the architecture's zones (eslint/import-zones.js).",
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const check = (source) => {
      if (!source || typeof source.value !== "string") return;
      const target = resolveImport(file, source.value);
      const message = target && zoneViolation(file, target);
      if (message) context.report({ node: source, message: `${message} (${source.value})` });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const importZones = { rules: { imports: rule } };
