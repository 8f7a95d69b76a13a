import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import type { DeviceDetail } from "@server/contract/devices";
import { buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { NotFoundState } from "@/components/ui/not-found-state";
import { PageSpinner } from "@/components/ui/spinner";
import { Tabs } from "@/components/ui/tabs";
import { deviceQueries } from "@/entities/device/device-queries";
import { JobRunList } from "@/entities/job/job-run-list";
import { FleetFreshness } from "@/entities/fleet/fleet-freshness";
import { RefreshButton, RefreshResult } from "@/entities/fleet/refresh-control";
import { isApiRequestError } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { useCan } from "@/lib/session";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useRefreshDevice } from "../api/queries";
import { AlertsTab } from "./alerts-tab";
import { AuditPanel, HardwareTab } from "./audit-panel";
import { defaultDeviceTab, DEVICE_TABS, type DeviceTab } from "./device-tabs";
import { DeviceSummary } from "./device-summary";
import { NetworkTab } from "./network-tab";
import { SoftwareTab } from "./software-tab";

/** Only https links from Datto become links: the URL is endpoint data, never a script. */
function httpsUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).protocol === "https:" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The tab in the URL, else the one that fits the device. */
function useTab(device: DeviceDetail | undefined): [DeviceTab, (tab: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const tab = (DEVICE_TABS as readonly string[]).includes(raw ?? "")
    ? (raw as DeviceTab)
    : device
      ? defaultDeviceTab(device)
      : "alerts";
  const setTab = (next: string) => setParams({ tab: next }, { replace: true });
  return [tab, setTab];
}

/** One device: what it is, how it is doing, and its alerts and audits in tabs (tab in the URL). */
export function DevicePage() {
  const uid = useParams().deviceUid ?? "";
  const device = useQuery(deviceQueries.detail(uid));
  const refresh = useRefreshDevice(uid);
  const canRefresh = useCan("fleet:refresh");
  const [tab, setTab] = useTab(device.data);
  const hostname = device.data ? endpointText(device.data.hostname) : null;
  useDocumentTitle(hostname ?? (device.isError ? "No such device" : null), "Devices");

  if (device.isPending) return <PageSpinner label="Loading device…" />;
  if (device.isError) {
    // 400: the address holds no valid device id; 404: Datto has no such device. Neither improves.
    if (isApiRequestError(device.error, 404) || isApiRequestError(device.error, 400)) {
      return (
        <NotFoundState title="No such device" backTo="/devices" backLabel="All devices">
          It may have been deleted or moved in Datto, or the link is wrong.
        </NotFoundState>
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
  const refreshState = {
    refresh: () => refresh.mutate(),
    isPending: refresh.isPending,
    outcome: refresh.data,
    error: refresh.error,
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link to="/devices" className="text-indigo-700 hover:underline dark:text-indigo-300">
              Devices
            </Link>
            <span aria-hidden="true"> / </span>
            <Link
              to={`/sites/${encodeURIComponent(d.siteUid)}`}
              className="text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {endpointText(d.siteName)}
            </Link>
          </nav>
          <h1 className="text-xl font-semibold break-all">{hostname}</h1>
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
          {canRefresh && d.deviceClass === "device" && (
            <Link
              to={`/jobs/new?device=${encodeURIComponent(d.uid)}`}
              className={buttonClasses("secondary", "sm")}
            >
              Run a component
            </Link>
          )}
          {canRefresh && <RefreshButton state={refreshState} />}
        </div>
      </div>
      <RefreshResult state={refreshState} />
      <DeviceSummary device={d} />
      <Tabs
        label="Device audit"
        selectedId={tab}
        onSelectedChange={setTab}
        items={[
          {
            id: "alerts",
            label: `Alerts (${d.openAlerts.total} open)`,
            panel: <AlertsTab uid={uid} />,
          },
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
            id: "jobs",
            label: "Jobs",
            panel: (
              <JobRunList
                filters={{ deviceUid: uid }}
                empty="No job has run on this device through RMM Deck."
              />
            ),
          },
        ]}
      />
    </div>
  );
}
