import { hash32 } from "./prng";

/**
 * The `malformed` scenario: payloads broken the way real tenants break them (API.md §6: "almost
 * any field can be null"), and worse. A tolerant parser must survive these or count them.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function breaks(obj: Obj, every: number): number | null {
  const id = String(obj.uid ?? obj.alertUid ?? obj.id ?? obj.name ?? "");
  const h = hash32("malformed", id);
  return h % every === 0 ? (h >>> 8) % 4 : null;
}

function device(d: Obj): void {
  const how = breaks(d, 5);
  if (how === 0) d.lastSeen = String(d.lastSeen);
  if (how === 1) d.antivirus = null;
  if (how === 2) {
    d.patchManagement = null;
    d.udf = null;
  }
  if (how === 3) {
    d.x_unknown_future_field = { nested: true };
    d.deviceType = null;
  }
}

function site(s: Obj): void {
  const how = breaks(s, 4);
  if (how === 0 || how === 1) s.devicesStatus = null;
  if (how === 2) s.id = String(s.id);
  if (how === 3) s.x_unknown_future_field = "surprise";
}

function alert(a: Obj): void {
  const how = breaks(a, 4);
  if (how === 0) a.alertContext = null;
  if (how === 1) {
    delete a.responseActions;
    a.timestamp = String(a.timestamp);
  }
  if (how === 2) a.alertSourceInfo = null;
  if (how === 3) a.alertContext = { "@class": "never_seen_ctx_v9", "": 1, value: "n/a" };
}

function audit(a: Obj): void {
  delete a.logicalDisks;
  if (isObj(a.systemInfo))
    a.systemInfo.totalPhysicalMemory = String(a.systemInfo.totalPhysicalMemory);
  a.bios = null;
}

const ITEM_FIXERS: Record<string, (o: Obj) => void> = {
  devices: device,
  sites: site,
  alerts: alert,
};

export function malform(kind: string, body: unknown): unknown {
  if (!isObj(body)) return body;
  if (kind.startsWith("page:")) {
    const key = kind.slice(5);
    const fix = ITEM_FIXERS[key];
    const items = body[key];
    if (fix && Array.isArray(items)) for (const item of items) if (isObj(item)) fix(item);
    if (isObj(body.pageDetails)) body.pageDetails.totalCount = String(body.pageDetails.totalCount);
    if (key === "software" && Array.isArray(items)) items.push({ name: null, version: 17 });
    return body;
  }
  if (kind === "device") device(body);
  if (kind === "site") site(body);
  if (kind === "alert") alert(body);
  if (kind === "audit") audit(body);
  if (kind === "job-result") delete body.componentResults;
  if (kind === "account") body.devicesStatus = null;
  return body;
}
