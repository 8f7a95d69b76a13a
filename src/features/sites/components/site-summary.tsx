import { Link } from "react-router";
import {
  ANTIVIRUS_STATUSES,
  DEVICE_CLASSES,
  deviceQueryToSearchParams,
  PATCH_STATUSES,
  type DeviceQuery,
} from "@server/contract/devices";
import { type SiteDetail } from "@server/contract/sites";
import { Card } from "@/components/ui/card";
import { AlertCountBadges } from "@/entities/alert/alert-counts";
import {
  antivirusStatusLabel,
  deviceClassLabel,
  patchStatusLabel,
} from "@/entities/device/device-labels";
import { AttentionBreakdown } from "./attention-parts";

type Counts = SiteDetail["summary"]["byDeviceClass"];

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

/** Each count links to the device browser showing exactly those devices. */
function CountList(props: {
  title: string;
  counts: Counts;
  siteUid: string;
  label: (value: string) => string;
  filter: (value: string) => Partial<DeviceQuery> | null;
}) {
  return (
    <Card title={props.title} level={3}>
      {props.counts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {props.counts.map((c) => {
            const filter = props.filter(c.value);
            const params = deviceQueryToSearchParams({ siteUid: props.siteUid, ...filter });
            return (
              <li key={c.value} className="flex justify-between gap-3">
                {filter ? (
                  <Link
                    to={`/devices?${params.toString()}`}
                    className="truncate text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {props.label(c.value)}
                  </Link>
                ) : (
                  <span className="truncate">{props.label(c.value)}</span>
                )}
                <span className="tabular-nums text-slate-600 dark:text-slate-400">{c.count}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Stat(props: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-xs uppercase text-slate-600 dark:text-slate-400">{props.label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{props.value.toLocaleString()}</dd>
    </div>
  );
}

export function SiteSummary(props: { site: SiteDetail }) {
  const { site } = props;
  const same = (v: string) => v;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Summary" className="lg:col-span-2">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Devices" value={site.devices} />
          <Stat label="Online" value={site.online} />
          <Stat label="Offline" value={site.offline} />
          <Stat label="Reboot needed" value={site.rebootRequired} />
          <Stat label="Patch install errors" value={site.patchProblems} />
          <Stat label="Antivirus missing, stopped or out of date" value={site.antivirusProblems} />
        </dl>
        <div className="mt-4 flex items-center gap-2 text-sm">
          <span>Open alerts: {site.openAlerts.total}</span>
          <AlertCountBadges counts={site.openAlerts} />
        </div>
      </Card>
      <Card title="Attention score">
        <AttentionBreakdown attention={site.attention} />
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:col-span-3 lg:grid-cols-4">
        <CountList
          title="Device classes"
          siteUid={site.uid}
          counts={site.summary.byDeviceClass}
          label={deviceClassLabel}
          filter={(v) => (isOneOf(DEVICE_CLASSES, v) ? { deviceClass: v } : null)}
        />
        <CountList
          title="Operating systems"
          siteUid={site.uid}
          counts={site.summary.byOperatingSystem}
          label={same}
          filter={(v) => (v === "Unknown" ? null : { os: v })}
        />
        <CountList
          title="Patch status"
          siteUid={site.uid}
          counts={site.summary.byPatchStatus}
          label={patchStatusLabel}
          filter={(v) => (isOneOf(PATCH_STATUSES, v) ? { patchStatus: v } : null)}
        />
        <CountList
          title="Antivirus"
          siteUid={site.uid}
          counts={site.summary.byAntivirusStatus}
          label={antivirusStatusLabel}
          filter={(v) => (isOneOf(ANTIVIRUS_STATUSES, v) ? { antivirusStatus: v } : null)}
        />
      </div>
    </div>
  );
}
