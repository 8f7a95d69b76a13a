import { z } from "zod";
import { readBody } from "./body";
import { sendDeviceList } from "./device-queries";
import { nicsOf } from "./hardware";
import { rngFor, uuidFrom } from "./prng";
import { badRequest, notFound, sendJson, sendPage } from "./responses";
import { route } from "./route-kit";
import { deviceTypeOf, siteToWire } from "./serialize";
import type { SimCore } from "./sim-core";
import type { SiteRec } from "./tenant-types";
import { findSite } from "./tenant";
import { WRITE_OPERATION } from "./write-operations";

const ProxySchema = z.object({
  host: z.string().optional(),
  port: z.number().int().optional(),
  password: z.string().optional(),
  username: z.string().optional(),
  type: z.enum(["http", "socks4", "socks5"]).optional(),
});
const SiteRequestSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  notes: z.string().optional(),
  onDemand: z.boolean().optional(),
  splashtopAutoInstall: z.boolean().optional(),
  proxySettings: ProxySchema.optional(),
});

function siteSettings(site: SiteRec) {
  return {
    generalSettings: {
      name: site.name,
      uid: site.uid,
      description: site.description,
      onDemand: site.onDemand,
    },
    proxySettings: site.proxy,
    mailRecipients: site.isDeletedDevices
      ? []
      : [
          {
            name: "NOC",
            email: "noc@northbridge-msp.example",
            type: "email",
            receivesReports: true,
            receivesNewDevices: true,
            receivesAlerts: true,
          },
        ],
  };
}

const siteOr404 = (uid: string, core: SimCore) => findSite(core.tenant, uid);

export const siteRoutes = [
  route("GET", "/v2/account/sites", "read", (c, core) => {
    const needle = c.req.query("siteName")?.toLowerCase();
    const sites = needle
      ? core.tenant.sites.filter((s) => s.name.toLowerCase().includes(needle))
      : core.tenant.sites;
    return sendPage(c, core, "sites", sites, (s) => siteToWire(core.tenant, s));
  }),
  route("GET", "/v2/site/{siteUid}", "read", (c, core) => {
    const site = siteOr404(c.req.param("siteUid") ?? "", core);
    return site
      ? sendJson(c, core, "site", siteToWire(core.tenant, site))
      : notFound(c, core, "Site");
  }),
  route("GET", "/v2/site/{siteUid}/devices", "read", (c, core) => {
    const site = siteOr404(c.req.param("siteUid") ?? "", core);
    if (!site) return notFound(c, core, "Site");
    return sendDeviceList(
      c,
      core,
      site.deviceIdx.map((i) => core.tenant.devices[i]!),
    );
  }),
  route("GET", "/v2/site/{siteUid}/devices/network-interface", "read", (c, core) => {
    const site = siteOr404(c.req.param("siteUid") ?? "", core);
    if (!site) return notFound(c, core, "Site");
    return sendPage(c, core, "devices", site.deviceIdx, (i) => {
      const d = core.tenant.devices[i]!;
      return {
        id: d.id,
        uid: d.uid,
        siteId: site.id,
        siteUid: site.uid,
        siteName: site.name,
        deviceType: deviceTypeOf(d),
        hostname: d.hostname,
        intIpAddress: d.intIp,
        extIpAddress: d.extIp,
        nics: nicsOf(d),
      };
    });
  }),
  route("GET", "/v2/site/{siteUid}/settings", "read", (c, core) => {
    const site = siteOr404(c.req.param("siteUid") ?? "", core);
    return site ? c.json(siteSettings(site)) : notFound(c, core, "Site");
  }),
  route("PUT", "/v2/site", { write: WRITE_OPERATION.siteCreate }, async (c, core) => {
    const body = await readBody(c, SiteRequestSchema);
    if (!body) return badRequest(c, core, "Failed to read request");
    const { tenant } = core;
    const rng = rngFor(tenant.seed, "new-site", tenant.ids.site);
    const site: SiteRec = {
      id: tenant.ids.site++,
      uid: uuidFrom(rng),
      name: body.name,
      description: body.description ?? null,
      notes: body.notes ?? null,
      onDemand: body.onDemand ?? false,
      splashtopAutoInstall: body.splashtopAutoInstall ?? false,
      proxy: body.proxySettings?.host
        ? {
            host: body.proxySettings.host,
            port: body.proxySettings.port ?? 8080,
            type: body.proxySettings.type ?? "http",
            username: body.proxySettings.username ?? null,
          }
        : null,
      autotaskCompanyName: null,
      autotaskCompanyId: null,
      isDeletedDevices: false,
      hostPrefix: "NEW",
      domain: null,
      extIp: "203.0.113.10",
      variables: [],
      deviceIdx: [],
    };
    tenant.sites.splice(tenant.sites.length - 1, 0, site);
    tenant.siteByUid = new Map(tenant.sites.map((s, i) => [s.uid, i]));
    tenant.sites.forEach((s, i) =>
      s.deviceIdx.forEach((d) => {
        tenant.devices[d]!.siteIdx = i;
      }),
    );
    return c.json(siteToWire(tenant, site));
  }),
  route("POST", "/v2/site/{siteUid}", { write: WRITE_OPERATION.siteUpdate }, async (c, core) => {
    const site = siteOr404(c.req.param("siteUid") ?? "", core);
    if (!site) return notFound(c, core, "Site");
    const body = await readBody(c, SiteRequestSchema);
    if (!body) return badRequest(c, core, "Failed to read request");
    site.name = body.name;
    if (body.description !== undefined) site.description = body.description;
    if (body.notes !== undefined) site.notes = body.notes;
    if (body.onDemand !== undefined) site.onDemand = body.onDemand;
    if (body.splashtopAutoInstall !== undefined)
      site.splashtopAutoInstall = body.splashtopAutoInstall;
    return c.json(siteToWire(core.tenant, site));
  }),
  route(
    "POST",
    "/v2/site/{siteUid}/settings/proxy",
    { write: WRITE_OPERATION.proxySet },
    async (c, core) => {
      const site = siteOr404(c.req.param("siteUid") ?? "", core);
      if (!site) return notFound(c, core, "Site");
      const body = await readBody(c, ProxySchema);
      if (!body?.host) return badRequest(c, core, "Failed to read request");
      site.proxy = {
        host: body.host,
        port: body.port ?? 8080,
        type: body.type ?? "http",
        username: body.username ?? null,
      };
      return c.json(siteSettings(site));
    },
  ),
  route(
    "DELETE",
    "/v2/site/{siteUid}/settings/proxy",
    { write: WRITE_OPERATION.proxySet },
    (c, core) => {
      const site = siteOr404(c.req.param("siteUid") ?? "", core);
      if (!site) return notFound(c, core, "Site");
      site.proxy = null;
      return c.body(null, 204);
    },
  ),
];
