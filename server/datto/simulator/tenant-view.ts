import { COMPONENTS, type ComponentDef, findComponent, withDefaults } from "./components-catalog";
import { deploymentStatus, type DeploymentStatus, type JobOutcome, outcomeOf } from "./jobs";
import { softwareOf } from "./software";
import { alertToWire, auditOf, deviceToWire, siteToWire } from "./serialize";
import type { SimCore } from "./sim-core";
import { findDevice } from "./tenant";
import { advanceWorld } from "./world";

type WireDevice = ReturnType<typeof deviceToWire>;
type WireSite = ReturnType<typeof siteToWire>;
type WireAlert = ReturnType<typeof alertToWire>;

interface JobView {
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
  /** GET /v2/audit/device/{uid} for a `device`-class machine, else undefined. */
  deviceAudit(uid: string): ReturnType<typeof auditOf> | undefined;
  /** GET /v2/audit/device/{uid}/software, unpaged. */
  software(uid: string): Array<{ name: string; version: string }>;
  components(): readonly ComponentDef[];
  /** How a quick job of this component ends on this device (deterministic), to pick test devices. */
  jobOutcome(
    componentUid: string,
    deviceUid: string,
    variables?: Array<{ name: string; value: string }>,
  ): JobOutcome;
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
    deviceAudit: (uid) => {
      const device = findDevice(core.tenant, uid);
      return device?.deviceClass === "device" ? auditOf(core.tenant, device) : undefined;
    },
    software: (uid) => {
      const device = findDevice(core.tenant, uid);
      return device ? softwareOf(device) : [];
    },
    components: () => COMPONENTS,
    jobOutcome(componentUid, deviceUid, variables = []) {
      const device = findDevice(core.tenant, deviceUid);
      if (!device) throw new Error(`No simulated device ${deviceUid}`);
      const component = findComponent(componentUid);
      if (!component) throw new Error(`No simulated component ${componentUid}`);
      return outcomeOf({ componentUid, variables: withDefaults(component, variables) }, device);
    },
    jobs: () => {
      const at = now();
      return [...core.tenant.jobs.values()].map((job) => {
        const device = core.tenant.devices[job.deviceIdx]!;
        return {
          uid: job.uid,
          name: job.name,
          deviceUid: device.uid,
          componentUid: job.componentUid,
          createdAt: job.createdAt,
          status: deploymentStatus(job, device, at),
        };
      });
    },
  };
}
