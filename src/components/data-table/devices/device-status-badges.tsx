import type { AlertCounts } from "@server/contract/alerts";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const PATCH: Record<string, { label: string; tone: BadgeTone }> = {
  FullyPatched: { label: "Fully patched", tone: "success" },
  ApprovedPending: { label: "Approved pending", tone: "info" },
  RebootRequired: { label: "Reboot required", tone: "warning" },
  InstallError: { label: "Install error", tone: "danger" },
  NoPolicy: { label: "No policy", tone: "neutral" },
  NoData: { label: "No data", tone: "neutral" },
};

const ANTIVIRUS: Record<string, { label: string; tone: BadgeTone }> = {
  RunningAndUpToDate: { label: "Up to date", tone: "success" },
  RunningAndNotUpToDate: { label: "Out of date", tone: "warning" },
  NotRunning: { label: "Not running", tone: "danger" },
  NotDetected: { label: "Not detected", tone: "danger" },
};

const CLASSES: Record<string, string> = {
  device: "Computer",
  printer: "Printer",
  esxihost: "ESXi host",
  rmmnetworkdevice: "Network device",
  unknown: "Unknown",
};

/** Datto's device class in words ("esxihost" -> "ESXi host"). */
export function deviceClassLabel(value: string): string {
  return CLASSES[value] ?? value;
}

export function patchStatusLabel(value: string): string {
  return PATCH[value]?.label ?? value;
}

export function antivirusStatusLabel(value: string): string {
  return ANTIVIRUS[value]?.label ?? value;
}

export function PatchStatusBadge(props: { value: string | null }) {
  if (props.value === null) return <span className="text-slate-500">—</span>;
  const known = PATCH[props.value];
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? props.value}</Badge>;
}

export function AntivirusStatusBadge(props: { value: string | null }) {
  if (props.value === null) return <span className="text-slate-500">—</span>;
  const known = ANTIVIRUS[props.value];
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? props.value}</Badge>;
}

export function OnlineBadge(props: { online: boolean }) {
  return (
    <Badge tone={props.online ? "success" : "neutral"}>{props.online ? "Online" : "Offline"}</Badge>
  );
}

const PRIORITIES = ["critical", "high", "moderate", "low", "information"] as const;

/** "1 critical, 2 high": the words behind an alert count. */
export function alertCountsText(counts: AlertCounts): string {
  const parts = PRIORITIES.filter((p) => counts[p] > 0).map((p) => `${counts[p]} ${p}`);
  return parts.length > 0 ? parts.join(", ") : "no open alerts";
}

export function OpenAlertsBadge(props: { counts: AlertCounts }) {
  const { counts } = props;
  if (counts.total === 0) return <span className="text-slate-500">0</span>;
  const tone: BadgeTone =
    counts.critical > 0
      ? "danger"
      : counts.high > 0
        ? "warning"
        : counts.moderate > 0
          ? "info"
          : "neutral";
  return (
    <span title={alertCountsText(counts)}>
      <Badge tone={tone}>
        {counts.total}
        <span className="sr-only"> open alerts: {alertCountsText(counts)}</span>
      </Badge>
    </span>
  );
}
