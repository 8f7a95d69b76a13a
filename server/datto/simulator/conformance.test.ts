import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestSim, json, type TestSim } from "../../testing/simulator-helpers";
import { componentByName } from "./components-catalog";
import {
  createSpecValidators,
  LIVE_EPOCH_MS_FIELDS,
  type SpecValidators,
} from "./conformance-spec";

/** The project's own extract of Datto's spec (server/datto/spec/SOURCE.md, decision 0012). */
function loadSpec(): Record<string, unknown> {
  const file = new URL("../spec/datto-schemas.json", import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

let validators: SpecValidators;
let t: TestSim;
const ids = {} as Record<
  "site" | "device" | "deviceId" | "mac" | "printer" | "esxi" | "alert" | "job",
  string
>;

beforeAll(async () => {
  validators = createSpecValidators(loadSpec());
  t = createTestSim({ devices: 400 });
  const devices = t.sim.tenant.listDevices();
  const agent = devices.find((d) => d.deviceClass === "device" && !d.deleted)!;
  t.sim.control.setDeviceOnline(agent.uid, true);
  ids.device = agent.uid;
  ids.deviceId = String(agent.id);
  ids.site = agent.siteUid;
  ids.printer = devices.find((d) => d.deviceClass === "printer")!.uid;
  ids.esxi = devices.find((d) => d.deviceClass === "esxihost")!.uid;
  ids.alert = t.sim.tenant.openAlerts()[0]!.alertUid;
  const audit = await json<{ nics: Array<{ macAddress: string }> }>(
    await t.get(`/v2/audit/device/${ids.device}`),
  );
  ids.mac = audit.nics[0]!.macAddress.replace(/:/g, "");
  const job = await json<{ job: { uid: string } }>(
    await t.send("PUT", `/v2/device/${ids.device}/quickjob`, {
      jobName: "conformance",
      jobComponent: {
        componentUid: componentByName("Disk Cleanup - Temp Files").uid,
        variables: [{ name: "days", value: "3" }],
      },
    }),
  );
  ids.job = job.job.uid;
  await t.sim.control.advance(15 * 60_000);
});

const fill = (p: string) =>
  p.replace(
    /\{(\w+)\}/g,
    (_, name: string) =>
      ({
        siteUid: ids.site,
        deviceUid: ids.device,
        deviceId: ids.deviceId,
        macAddress: ids.mac,
        alertUid: ids.alert,
        jobUid: ids.job,
      })[name] ?? `{${name}}`,
  );

async function expectConforms(
  method: string,
  template: string,
  concrete = fill(template),
  body?: unknown,
) {
  const res = await t.send(method, concrete, body);
  expect(res.status, `${method} ${concrete}`).toBe(200);
  const payload: unknown = await res.json();
  const validate = validators.forOperation(method, template);
  const ok = validate(payload);
  expect(validate.errors ?? [], `${method} ${template}`).toEqual([]);
  expect(ok).toBe(true);
  return payload;
}

describe("the simulator answers as Datto's openapi.json describes (patched for its known defects)", () => {
  const reads: Array<[string, string?]> = [
    ["/v2/account"],
    ["/v2/account/sites"],
    ["/v2/site/{siteUid}"],
    ["/v2/site/{siteUid}/devices"],
    ["/v2/site/{siteUid}/devices/network-interface"],
    ["/v2/site/{siteUid}/settings"],
    ["/v2/site/{siteUid}/filters"],
    ["/v2/site/{siteUid}/variables"],
    ["/v2/site/{siteUid}/alerts/open"],
    ["/v2/site/{siteUid}/alerts/resolved"],
    ["/v2/account/devices"],
    ["/v2/device/{deviceUid}"],
    ["/v2/device/id/{deviceId}"],
    ["/v2/device/macAddress/{macAddress}"],
    ["/v2/audit/device/{deviceUid}"],
    ["/v2/audit/device/{deviceUid}/software"],
    ["/v2/audit/device/macAddress/{macAddress}"],
    ["/v2/audit/printer/{deviceUid}", `/v2/audit/printer/{printer}`],
    ["/v2/audit/esxihost/{deviceUid}", `/v2/audit/esxihost/{esxi}`],
    ["/v2/account/alerts/open"],
    ["/v2/account/alerts/resolved"],
    ["/v2/device/{deviceUid}/alerts/open"],
    ["/v2/device/{deviceUid}/alerts/resolved"],
    ["/v2/alert/{alertUid}"],
    ["/v2/account/components"],
    ["/v2/job/{jobUid}"],
    ["/v2/job/{jobUid}/components"],
    ["/v2/job/{jobUid}/results/{deviceUid}"],
    ["/v2/job/{jobUid}/results/{deviceUid}/stdout"],
    ["/v2/job/{jobUid}/results/{deviceUid}/stderr"],
    ["/v2/filter/default-filters"],
    ["/v2/filter/custom-filters"],
    ["/v2/system/status"],
    ["/v2/system/request_rate"],
    ["/v2/system/pagination"],
    ["/v2/account/users"],
    ["/v2/account/variables"],
    ["/v2/account/dnet-site-mappings"],
    [
      "/v2/activity-logs",
      "/v2/activity-logs?from=2026-11-01T00:00:00Z&until=2026-11-02T09:10:00Z&size=20",
    ],
  ];
  for (const [template, concrete] of reads) {
    it(`GET ${template}`, async () => {
      const target = concrete?.replace("{printer}", ids.printer).replace("{esxi}", ids.esxi);
      await expectConforms("GET", template, target);
    });
  }

  it("every alert @class on the account conforms", async () => {
    const page = (await expectConforms(
      "GET",
      "/v2/account/alerts/open",
      "/v2/account/alerts/open?max=250",
    )) as { alerts: Array<{ alertContext: { "@class": string } | null }> };
    const classes = new Set(page.alerts.map((a) => a.alertContext?.["@class"]));
    expect(classes.size).toBeGreaterThan(5);
  });

  it("PUT /v2/device/{deviceUid}/quickjob", async () => {
    await expectConforms("PUT", "/v2/device/{deviceUid}/quickjob", undefined, {
      jobName: "conformance 2",
      jobComponent: { componentUid: componentByName("Flush DNS cache").uid, variables: [] },
    });
  });

  it("PUT /v2/site and POST /v2/site/{siteUid} answer Sites; proxy answers SiteSettings", async () => {
    const created = (await expectConforms("PUT", "/v2/site", "/v2/site", {
      name: "Conformance Dental",
    })) as { uid: string };
    await expectConforms("POST", "/v2/site/{siteUid}", `/v2/site/${created.uid}`, {
      name: "Conformance Dental 2",
      notes: "n",
    });
    await expectConforms(
      "POST",
      "/v2/site/{siteUid}/settings/proxy",
      `/v2/site/${created.uid}/settings/proxy`,
      { host: "proxy.example", port: 3128, type: "http" },
    );
  });

  it("accepts epoch ms only for the date fields seen live as numbers (API.md §6)", () => {
    const device = validators.forOperation("GET", "/v2/device/{deviceUid}");
    expect(device({ uid: "x", lastSeen: 1_762_000_000_000 })).toBe(true);
    const audit = validators.forOperation("GET", "/v2/audit/device/{deviceUid}");
    expect(audit({ bios: { releaseDate: "2024-03-01T00:00:00Z" } })).toBe(true);
    expect(audit({ bios: { releaseDate: 1_709_251_200_000 } })).toBe(false);
    const alert = validators.forOperation("GET", "/v2/alert/{alertUid}");
    expect(alert({ timestamp: 1_762_000_000_000, responseActions: [{ actionTime: 1 }] })).toBe(
      false,
    );
    const filters = validators.forOperation("GET", "/v2/filter/default-filters");
    expect(filters({ filters: [{ id: 1, dateCreate: 1_762_000_000_000 }] })).toBe(false);
    expect(validators.forOperation("GET", "/v2/system/status")({ started: 5 })).toBe(false);
    expect(validators.forOperation("GET", "/v2/job/{jobUid}")({ dateCreated: 5 })).toBe(false);
    const results = validators.forOperation("GET", "/v2/job/{jobUid}/results/{deviceUid}");
    expect(results({ ranOn: 5 })).toBe(false);
  });

  it("the patched schemas still reject a wrong wire shape (the check can fail)", () => {
    const validate = validators.forOperation("GET", "/v2/device/{deviceUid}");
    expect(validate({ uid: "x", online: "yes" })).toBe(false);
    expect(validate({ uid: "x", lastSeen: "last tuesday" })).toBe(false);
    expect(
      validators.forOperation(
        "GET",
        "/v2/account/devices",
      )({ devices: [{ deviceClass: "toaster" }] }),
    ).toBe(false);
    expect(
      validators.forOperation(
        "GET",
        "/v2/account/alerts/open",
      )({ alerts: [{ alertContext: { status: "x" } }] }),
    ).toBe(false);
  });
});

describe("with job dates switched to epoch ms (API.md §6: unsure for jobs)", () => {
  it("sends Job.dateCreated and JobResults.ranOn as numbers, valid once those two are allowed", async () => {
    const sim = createTestSim({ devices: 60, jobDates: "epoch-ms" });
    const device = sim.sim.tenant.listDevices().find((d) => d.deviceClass === "device")!;
    sim.sim.control.setDeviceOnline(device.uid, true);
    const created = await json<{ job: { uid: string; dateCreated: unknown } }>(
      await sim.send("PUT", `/v2/device/${device.uid}/quickjob`, {
        jobName: "epoch",
        jobComponent: { componentUid: componentByName("Flush DNS cache").uid },
      }),
    );
    expect(created.job.dateCreated).toBe(sim.clock.now());
    await sim.sim.control.advance(15 * 60_000);
    const loose = createSpecValidators(loadSpec(), {
      epochMsFields: [...LIVE_EPOCH_MS_FIELDS, "Job.dateCreated", "JobResults.ranOn"],
    });
    for (const template of ["/v2/job/{jobUid}", "/v2/job/{jobUid}/results/{deviceUid}"]) {
      const path = template.replace("{jobUid}", created.job.uid).replace("{deviceUid}", device.uid);
      const payload: unknown = await (await sim.get(path)).json();
      const strict = validators.forOperation("GET", template);
      expect(strict(payload), `${template} must not pass with numbers by default`).toBe(false);
      const validate = loose.forOperation("GET", template);
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
