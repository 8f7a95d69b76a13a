import { useQuery } from "@tanstack/react-query";
import {
  ANTIVIRUS_STATUSES,
  DEVICE_CLASSES,
  PATCH_STATUSES,
  parseUdfFilter,
  type DeviceQuery,
} from "@server/contract/devices";
import { DebouncedInput } from "@/components/data-table/debounced-input";
import { Field } from "@/components/ui/field";
import { Select, type SelectOption } from "@/components/ui/select";
import {
  antivirusStatusLabel,
  deviceClassLabel,
  patchStatusLabel,
} from "@/entities/device/device-labels";
import { siteQueries } from "@/entities/site/site-queries";
import { fleetOptionQueries } from "../api/fleet-options";

type Props = { query: DeviceQuery; onChange: (patch: Partial<DeviceQuery>) => void };

const ANY: SelectOption = { value: "", label: "Any" };
const opts = (values: readonly string[], label: (v: string) => string = (v) => v) => [
  ANY,
  ...values.map((value) => ({ value, label: label(value) })),
];

const capitalize = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

function days(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Every structured filter of the device query; each change lands in the URL at once. */
export function DeviceFilters({ query, onChange }: Props) {
  const sites = useQuery(siteQueries.options());
  const filters = useQuery(fleetOptionQueries.filters());
  const udf = query.udf ? parseUdfFilter(query.udf) : null;
  const udfNumber = udf ? udf.key.replace("udf", "") : "";
  const setUdf = (n: string, text: string) =>
    onChange({ udf: n && text ? `${n}:${text}` : undefined });

  const select = (
    label: string,
    value: string | undefined,
    options: SelectOption[],
    set: (v: string) => void,
  ) => (
    <Field label={label}>
      {(p) => (
        <Select
          {...p}
          options={options}
          value={value ?? ""}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
  const text = (
    label: string,
    value: string | undefined,
    set: (v: string) => void,
    type = "text",
  ) => (
    <Field label={label}>
      {(p) => (
        <DebouncedInput
          {...p}
          type={type}
          min={type === "number" ? 0 : undefined}
          value={value ?? ""}
          onValueChange={set}
        />
      )}
    </Field>
  );

  return (
    <div className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-4 xl:grid-cols-6 dark:border-slate-700 dark:bg-slate-900">
      {select("Site", query.siteUid, [ANY, ...(sites.data ?? [])], (v) =>
        onChange({ siteUid: v || undefined }),
      )}
      {select("Status", query.status, opts(["online", "offline"], capitalize), (v) =>
        onChange({ status: (v || undefined) as DeviceQuery["status"] }),
      )}
      {select("Device class", query.deviceClass, opts(DEVICE_CLASSES, deviceClassLabel), (v) =>
        onChange({ deviceClass: (v || undefined) as DeviceQuery["deviceClass"] }),
      )}
      {text("Device type", query.deviceType, (v) => onChange({ deviceType: v || undefined }))}
      {text("Operating system", query.os, (v) => onChange({ os: v || undefined }))}
      {select(
        "Reboot needed",
        query.rebootRequired === undefined ? "" : String(query.rebootRequired),
        [ANY, { value: "true", label: "Yes" }, { value: "false", label: "No" }],
        (v) => onChange({ rebootRequired: v === "" ? undefined : v === "true" }),
      )}
      {select("Patch status", query.patchStatus, opts(PATCH_STATUSES, patchStatusLabel), (v) =>
        onChange({ patchStatus: (v || undefined) as DeviceQuery["patchStatus"] }),
      )}
      {select(
        "Antivirus",
        query.antivirusStatus,
        opts(ANTIVIRUS_STATUSES, antivirusStatusLabel),
        (v) => onChange({ antivirusStatus: (v || undefined) as DeviceQuery["antivirusStatus"] }),
      )}
      {text(
        "Last seen over (days)",
        query.lastSeenOlderThanDays?.toString(),
        (v) => onChange({ lastSeenOlderThanDays: days(v) }),
        "number",
      )}
      {text(
        "Last audit over (days)",
        query.lastAuditOlderThanDays?.toString(),
        (v) => onChange({ lastAuditOlderThanDays: days(v) }),
        "number",
      )}
      {text("UDF number", udfNumber, (v) => setUdf(v, udf?.text ?? ""), "number")}
      {text("UDF contains", udf?.text, (v) => setUdf(udfNumber || "1", v))}
      {select(
        "Datto saved filter",
        query.filterId?.toString(),
        [
          ANY,
          ...(filters.data?.filters ?? []).map((f) => ({
            value: String(f.id),
            label: `${f.name} (${f.type})`,
          })),
        ],
        (v) => onChange({ filterId: v ? Number(v) : undefined }),
      )}
    </div>
  );
}

/** How many structured filters are on (free text and sort not counted). */
export function activeFilterCount(query: DeviceQuery): number {
  const { q: _q, sort: _sort, dir: _dir, offset: _o, limit: _l, ...rest } = query;
  return Object.values(rest).filter((v) => v !== undefined).length;
}
