import { FIRST_NAMES, LAST_NAMES } from "./names";
import { rngFor, uuidFrom } from "./prng";
import { route } from "./route-kit";
import { sendJson, sendPage } from "./responses";
import type { SimCore } from "./sim-core";
import { RESET_KEYS_KEEPS_TOKENS } from "./unknowns";
import { WRITE_OPERATION } from "./write-operations";

function accountToWire(core: SimCore) {
  const { tenant } = core;
  let online = 0;
  let total = 0;
  let onDemand = 0;
  for (const d of tenant.devices) {
    if (d.deleted) continue;
    total++;
    if (d.online) online++;
    if (tenant.sites[d.siteIdx]?.onDemand) onDemand++;
  }
  const a = tenant.account;
  return {
    id: a.id,
    name: a.name,
    uid: a.uid,
    currency: a.currency,
    descriptor: { bilingEmail: a.billingEmail, deviceLimit: a.deviceLimit, timeZone: a.timeZone },
    devicesStatus: {
      numberOfDevices: total,
      numberOfOnlineDevices: online,
      numberOfOfflineDevices: total - online,
      numberOfOnDemandDevices: onDemand,
      numberOfManagedDevices: total - onDemand,
    },
  };
}

function users(core: SimCore) {
  const created = core.tenant.createdAt;
  return Array.from({ length: 6 }, (_, i) => {
    const first = FIRST_NAMES[(i * 7) % FIRST_NAMES.length] ?? "alex";
    const last = LAST_NAMES[(i * 5) % LAST_NAMES.length] ?? "doe";
    return {
      firstName: first[0]!.toUpperCase() + first.slice(1),
      lastName: last[0]!.toUpperCase() + last.slice(1),
      username: i === 0 ? core.tenant.apiUserName : `${first[0]}${last}`,
      email: `${first}.${last}@northbridge-msp.example`,
      telephone: i % 2 === 0 ? null : `+1 555 01${i}${i}`,
      status: i === 5 ? "Disabled" : "Active",
      created: created - (400 - i * 30) * 86_400_000,
      lastAccess: i === 5 ? null : created - i * 3_600_000,
      disabled: i === 5,
    };
  });
}

export const accountRoutes = [
  route("GET", "/v2/account", "read", (c, core) =>
    sendJson(c, core, "account", accountToWire(core)),
  ),
  route("GET", "/v2/account/users", "read", (c, core) =>
    sendPage(c, core, "users", users(core), (u) => u),
  ),
  route("GET", "/v2/account/dnet-site-mappings", "read", (c, core) =>
    sendPage(
      c,
      core,
      "dnetSiteMappings",
      core.tenant.sites.filter((_, i) => i % 9 === 1),
      (s) => ({
        id: s.id,
        uid: s.uid,
        accountUid: core.tenant.account.uid,
        name: s.name,
        description: s.description,
        dattoNetworkingNetworkIds: [40_000 + s.id],
        portalUrl: null,
      }),
    ),
  ),
  // Rotates the key pair of the API user: the old pair stops working for new tokens.
  route("POST", "/v2/user/resetApiKeys", { write: WRITE_OPERATION.userResetKeys }, (c, core) => {
    const rng = rngFor(core.options.seed, "keys", core.clock.now());
    core.credentials = {
      apiKey: uuidFrom(rng).replace(/-/g, "").slice(0, 24),
      apiSecret: uuidFrom(rng).replace(/-/g, ""),
    };
    if (!RESET_KEYS_KEEPS_TOKENS) core.tokens.clear();
    return c.json({
      apiAccessKey: core.credentials.apiKey,
      apiSecretKey: core.credentials.apiSecret,
      userName: core.tenant.apiUserName,
    });
  }),
];
