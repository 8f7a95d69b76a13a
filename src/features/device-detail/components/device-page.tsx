import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { FleetFreshness } from "@/components/data-table/fleet-freshness";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { Tabs } from "@/components/ui/tabs";
import { errorMessage, isApiRequestError } from "@/lib/api-client";
import { useHasRole } from "@/lib/session";
import { InlineAlert } from "@/components/ui/inline-alert";
import { deviceDetailQueries, useRefreshDevice } from "../api/queries";
import { AlertsTab } from "./alerts-tab";
import { AuditPanel, HardwareTab } from "./audit-panel";
import { DeviceSummary } from "./device-summary";
import { NetworkTab } from "./network-tab";
import { SoftwareTab } from "./software-tab";

export const DEVICE_TABS = ["software", "hardware", "network", "alerts"] as const;
type DeviceTab = (typeof DEVICE_TABS)[number];

/** Only https links from Datto become links: the URL is endpoint data, never a script. */
function httpsUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).protocol === "https:" ? value : undefined;
  } catch {
    return undefined;
  }
}

function useTab(): [DeviceTab, (tab: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const tab = (DEVICE_TABS as readonly string[]).includes(raw ?? "")
    ? (raw as DeviceTab)
    : "software";
  const setTab = (next: string) => setParams({ tab: next }, { replace: true });
  return [tab, setTab];
}

/** One device: what it is, how it is doing, and its audits in tabs (the tab is in the URL). */
export function DevicePage() {
  const uid = useParams().deviceUid ?? "";
  const device = useQuery(deviceDetailQueries.detail(uid));
  const refresh = useRefreshDevice(uid);
  const canRefresh = useHasRole("technician");
  const [tab, setTab] = useTab();

  if (device.isPending) return <PageSpinner label="Loading device…" />;
  if (device.isError) {
    if (isApiRequestError(device.error, 404)) {
      return (
        <EmptyState
          title="No such device"
          titleAs="h1"
          action={
            <Link to="/devices" className="text-indigo-700 underline dark:text-indigo-300">
              All devices
            </Link>
          }
        >
          It may have been deleted or moved in Datto.
        </EmptyState>
      );
    }
    return (
      <ErrorState
        title="The device could not be loaded"
        error={device.error}
        onRetry={() => void device.refetch()}
      />
    );
  }
  const d = device.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link to="/devices" className="text-indigo-700 hover:underline dark:text-indigo-300">
              Devices
            </Link>
            <span aria-hidden="true"> / </span>
            <Link
              to={`/sites/${encodeURIComponent(d.siteUid)}`}
              className="text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {d.siteName}
            </Link>
          </nav>
          <h1 className="text-xl font-semibold break-all">{d.hostname}</h1>
          <FleetFreshness freshness={d.freshness} />
        </div>
        <div className="flex items-center gap-2">
          {httpsUrl(d.portalUrl) && (
            <a
              href={httpsUrl(d.portalUrl)}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonClasses("secondary", "sm")}
            >
              Open in Datto
            </a>
          )}
          {canRefresh && (
            <Button size="sm" isPending={refresh.isPending} onClick={() => refresh.mutate()}>
              Refresh from Datto
            </Button>
          )}
        </div>
      </div>
      {refresh.isError && <InlineAlert>{errorMessage(refresh.error)}</InlineAlert>}
      <DeviceSummary device={d} />
      <Tabs
        label="Device audit"
        selectedId={tab}
        onSelectedChange={setTab}
        items={[
          {
            id: "software",
            label: "Software",
            panel: <SoftwareTab uid={uid} deviceClass={d.deviceClass} />,
          },
          {
            id: "hardware",
            label: "Hardware",
            panel: <AuditPanel uid={uid}>{(a) => <HardwareTab audit={a} />}</AuditPanel>,
          },
          {
            id: "network",
            label: "Network",
            panel: <AuditPanel uid={uid}>{(a) => <NetworkTab audit={a} />}</AuditPanel>,
          },
          {
            id: "alerts",
            label: `Alerts (${d.openAlerts.total} open)`,
            panel: <AlertsTab uid={uid} />,
          },
        ]}
      />
    </div>
  );
}
