import { COMPONENTS, type ComponentDef } from "./components-catalog";
import { deploymentStatus, type DeploymentStatus } from "./jobs";
import { alertToWire, deviceToWire, siteToWire } from "./serialize";
import type { SimCore } from "./sim-core";
import { findDevice } from "./tenant";
import { advanceWorld } from "./world";

type WireDevice = ReturnType<typeof deviceToWire>;
type WireSite = ReturnType<typeof siteToWire>;
type WireAlert = ReturnType<typeof alertToWire>;

export interface JobView {
  uid: string;
  name: string;
  deviceUid: string;
  componentUid: string;
  createdAt: number;
  status: DeploymentStatus;
}

/** Read-only views for tests: they see what the API would answer, without spending quota. */
export interface TenantView {
  accountUid(): string;
  listSites(): WireSite[];
  listDevices(): WireDevice[];
  getDevice(uid: string): WireDevice | undefined;
  openAlerts(): WireAlert[];
  resolvedAlerts(): WireAlert[];
  getAlert(uid: string): WireAlert | undefined;
  components(): readonly ComponentDef[];
  jobs(): JobView[];
}

export function createTenantView(core: SimCore): TenantView {
  const now = () => {
    advanceWorld(core.tenant, core.world, core.clock.now());
    return core.clock.now();
  };
  return {
    accountUid: () => core.tenant.account.uid,
    listSites: () => {
      now();
      return core.tenant.sites.map((s) => siteToWire(core.tenant, s));
    },
    listDevices: () => {
      const at = now();
      return core.tenant.devices.map((d) => deviceToWire(core.tenant, d, at));
    },
    getDevice: (uid) => {
      const at = now();
      const device = findDevice(core.tenant, uid);
      return device ? deviceToWire(core.tenant, device, at) : undefined;
    },
    openAlerts: () => {
      now();
      return core.tenant.alerts.filter((a) => !a.resolved).map((a) => alertToWire(core.tenant, a));
    },
    resolvedAlerts: () => {
      now();
      return core.tenant.alerts.filter((a) => a.resolved).map((a) => alertToWire(core.tenant, a));
    },
    getAlert: (uid) => {
      now();
      const alert = core.tenant.alertsByUid.get(uid);
      return alert ? alertToWire(core.tenant, alert) : undefined;
    },
    components: () => COMPONENTS,
    jobs: () => {
      const at = now();
      return [...core.tenant.jobs.values()].map((job) => {
        const deviceUid = core.tenant.devices[job.deviceIdx]?.uid ?? "";
        return {
          uid: job.uid,
          name: job.name,
          deviceUid,
          componentUid: job.componentUid,
          createdAt: job.createdAt,
          status: deploymentStatus(job, deviceUid, at),
        };
      });
    },
  };
}
