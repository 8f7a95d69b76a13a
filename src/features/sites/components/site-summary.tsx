import type { SiteDetail } from "@server/contract/fleet";
import { Card } from "@/components/ui/card";
import { AlertCountBadges } from "./alert-counts";
import { AttentionBreakdown } from "./attention-parts";

function Counts(props: { title: string; counts: SiteDetail["summary"]["byDeviceClass"] }) {
  return (
    <Card title={props.title} level={3}>
      {props.counts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {props.counts.map((c) => (
            <li key={c.value} className="flex justify-between gap-3">
              <span className="truncate">{c.value}</span>
              <span className="tabular-nums text-slate-600 dark:text-slate-400">{c.count}</span>
            </li>
          ))}
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
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Summary" className="lg:col-span-2">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Devices" value={site.devices} />
          <Stat label="Online" value={site.online} />
          <Stat label="Offline" value={site.offline} />
          <Stat label="Reboot required" value={site.rebootRequired} />
          <Stat label="Patch problems" value={site.patchProblems} />
          <Stat label="Antivirus problems" value={site.antivirusProblems} />
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
        <Counts title="Device classes" counts={site.summary.byDeviceClass} />
        <Counts title="Operating systems" counts={site.summary.byOperatingSystem} />
        <Counts title="Patch status" counts={site.summary.byPatchStatus} />
        <Counts title="Antivirus" counts={site.summary.byAntivirusStatus} />
      </div>
    </div>
  );
}
