import { ApiErrorSchema } from "../../contract/errors";
import type { FuzzRequest } from "./fuzz-request";

/** The Datto token request comes with the first read after a token expires, from any route. */
const TOKEN = "POST /auth/oauth/token";

/** Text that only an internal error puts in a body: stack frames, exception names, driver codes. */
const INTERNALS = [
  /\bat \S+ \((?:file:|node:|\/)/,
  /node_modules/,
  /\.[cm]?[jt]s:\d+:\d+/,
  /\b(?:Type|Reference|Range|Syntax|Zod|Sqlite)Error\b/,
  /SQLITE_/,
  /Cannot read propert/,
  /is not a function/,
  /\[object Object\]/,
  /"code":"internal"/,
];

export type Received = {
  status: number;
  headers: Headers;
  text: string;
  /** Datto calls counted at the simulator while the request (and what it started) ran. */
  calls: Readonly<Record<string, number>>;
};

/** What is wrong with the answer to `req`, one short line each; empty when nothing is. */
export function checkAnswer(req: FuzzRequest, got: Received, secrets: readonly string[]): string[] {
  const { expect } = req;
  const problems: string[] = [];
  const error = got.status >= 400 ? ApiErrorSchema.safeParse(safeJson(got.text)) : null;
  const code = error?.success ? error.data.error.code : null;

  if (!expect.statuses.includes(got.status)) {
    problems.push(`answered ${got.status} ${code ?? ""}, expected ${expect.statuses.join("|")}`);
  } else if (expect.code && code !== expect.code) {
    problems.push(`answered ${got.status} ${code}, expected code ${expect.code}`);
  }
  if (error && !error.success) problems.push(`a ${got.status} without the API's error shape`);
  if (error?.success && error.data.error.message.trim() === "")
    problems.push("an error without a message");
  if (got.status === 400 && code === "invalid_request" && error?.success) {
    problems.push(...blame(req, error.data.error.message, error.data.error.details));
  }
  for (const secret of secrets)
    if (got.text.includes(secret)) problems.push("the Datto key or secret in the body");
  for (const pattern of INTERNALS)
    if (pattern.test(got.text)) problems.push(`internal text in the body (${pattern})`);
  if (!/no-store/.test(got.headers.get("cache-control") ?? ""))
    problems.push("no Cache-Control: no-store");

  const beforeHandler = !expect.handler || (got.status === 400 && code !== null);
  for (const [route, count] of Object.entries(got.calls)) {
    if (beforeHandler)
      problems.push(`${count} Datto call(s) (${route}) for a request refused before its handler`);
    else if (route !== TOKEN && !expect.datto.includes(route))
      problems.push(`a Datto call outside the allow-list: ${route}`);
  }
  return problems;
}

/** A 400 names the fields at fault: each issue's path is a field the request got wrong. */
function blame(req: FuzzRequest, message: string, details: unknown): string[] {
  const paths = Array.isArray(details)
    ? details.map((d: { path?: unknown }) => (typeof d.path === "string" ? d.path : null))
    : [];
  if (paths.length === 0 || paths.includes(null))
    return ["a 400 without the fields at fault in details"];
  const problems: string[] = [];
  for (const path of paths as string[]) {
    const field = [...req.expect.blamable].find((f) => path === f || path.startsWith(`${f}.`));
    if (field === undefined) problems.push(`a 400 blaming "${path}", which was valid`);
    if (path !== "" && !message.includes(path))
      problems.push(`a 400 whose message does not name "${path}"`);
  }
  return problems;
}

/** One line a person can replay the failure from (the seed and the request's number aside). */
export function describeRequest(req: FuzzRequest, got: Received): string {
  const values = Object.entries(req.values)
    .map(
      ([k, v]) =>
        `${k}:${typeof v === "string" ? `${v.length} chars` : JSON.stringify(v)?.slice(0, 40)}`,
    )
    .join(" ");
  const body = req.init.body === undefined ? "" : ` body ${req.init.body.slice(0, 200)}`;
  return `${req.caller} ${req.method} ${req.path.slice(0, 200)} (${values}; may blame: ${[...req.expect.blamable].join()})${body} -> ${got.status} ${got.text.slice(0, 300)}`;
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
