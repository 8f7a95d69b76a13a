import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deviceQueryToSearchParams, MAX_DEVICE_LIMIT } from "@server/contract/devices";
import { MAX_JOB_DEVICES } from "@server/contract/jobs";
import { Link } from "react-router";
import { Button, buttonClasses } from "@/components/ui/button";
import { deviceExportUrl } from "@/entities/device/device-export";
import { deviceQueries } from "@/entities/device/device-queries";
import type { DeviceTarget } from "@/entities/device/device-selection";
import type { DeviceSelectionControl } from "@/entities/device/use-device-selection";
import { endpointText } from "@/lib/endpoint-text";
import { useCan } from "@/lib/session";

/** The launcher for the visible selection: the server resolves its query (decision 0014). */
function jobLauncherUrl(target: DeviceTarget) {
  const query = deviceQueryToSearchParams(target.query).toString();
  return `/jobs/new?${new URLSearchParams({ target: query, count: String(target.count) }).toString()}`;
}

const count = (n: number) => n.toLocaleString();

/** Copies the hostnames of the target (the first MAX_DEVICE_LIMIT), read from the server. */
function useCopyHostnames() {
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (target: DeviceTarget) => {
    try {
      const { rows } = await queryClient.fetchQuery(
        deviceQueries.rows(target.query, MAX_DEVICE_LIMIT),
      );
      await navigator.clipboard.writeText(rows.map((r) => endpointText(r.hostname)).join("\n"));
      setCopied(
        rows.length < target.count
          ? `Copied the first ${count(rows.length)} of ${count(target.count)} hostnames; export the CSV for all.`
          : `Copied ${count(rows.length)} hostnames.`,
      );
    } catch {
      setCopied("The hostnames could not be copied; export the CSV instead.");
    }
  };
  return { copied, copy };
}

/**
 * What is selected and what acts on it. Actions act on the selected devices this view shows
 * (`control.target`), never on selected rows a filter hides: the bar says how many those are.
 */
export function SelectionBar(props: { control: DeviceSelectionControl; columns: string[] }) {
  const { control } = props;
  const { total, target, viewTotal } = control;
  const { copied, copy } = useCopyHostnames();
  const canRun = useCan("jobs:run");
  if (total === 0 && !control.notice) return null;
  const hidden = total !== undefined && target ? total - target.count : 0;
  const acting = target?.count ?? 0;
  return (
    <div
      role="region"
      aria-label="Selected devices"
      className="flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
    >
      {total !== 0 && (
        <>
          <span className="font-medium">
            {total === undefined ? "Counting the selection…" : `${count(total)} selected`}
            {hidden > 0 && ` (${count(hidden)} hidden by the current filter)`}
          </span>
          {!control.isAllOfView && viewTotal !== undefined && viewTotal > acting && (
            <Button size="sm" variant="ghost" onClick={control.selectAll}>
              Select all {count(viewTotal)} matching
            </Button>
          )}
          {target && acting > 0 ? (
            <a
              href={deviceExportUrl(target.query, props.columns)}
              download
              className={buttonClasses("secondary", "sm")}
            >
              Export {count(acting)} selected (CSV)
            </a>
          ) : (
            <Button size="sm" disabled>
              Export {count(acting)} selected (CSV)
            </Button>
          )}
          <Button size="sm" disabled={acting === 0} onClick={() => target && void copy(target)}>
            Copy {count(acting)} hostnames
          </Button>
          {canRun && target && acting > 0 && acting <= MAX_JOB_DEVICES && (
            <Link to={jobLauncherUrl(target)} className={buttonClasses("secondary", "sm")}>
              Run a component on {count(acting)}
            </Link>
          )}
          <Button size="sm" variant="ghost" onClick={control.clear}>
            Clear selection
          </Button>
        </>
      )}
      <span role="status" className="text-slate-600 dark:text-slate-300">
        {control.notice ?? copied}
      </span>
    </div>
  );
}
