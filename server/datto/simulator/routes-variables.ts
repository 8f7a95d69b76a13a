import type { Context } from "hono";
import { z } from "zod";
import { readBody } from "./body";
import { badRequest, dattoError, notFound, sendPage } from "./responses";
import { DUPLICATE_VARIABLE_STATUS } from "./unknowns";
import { route } from "./route-kit";
import type { SimCore } from "./sim-core";
import { findSite } from "./tenant";
import type { VariableRec } from "./tenant-types";
import { WRITE_OPERATION } from "./write-operations";

const CreateSchema = z.object({
  name: z.string().min(1),
  value: z.string(),
  masked: z.boolean().optional(),
});
const UpdateSchema = z.object({ name: z.string().min(1).optional(), value: z.string().optional() });

const toWire = (v: VariableRec) => ({
  id: v.id,
  name: v.name,
  value: v.masked ? "********" : v.value,
  masked: v.masked,
});

function listOf(c: Context, core: SimCore, scope: "site" | "account"): VariableRec[] | null {
  if (scope === "account") return core.tenant.accountVariables;
  return findSite(core.tenant, c.req.param("siteUid") ?? "")?.variables ?? null;
}

function crud(scope: "site" | "account", base: string) {
  const what = scope === "site" ? "Site" : "Account";
  // Create, update and delete share one quota: "site-variable-set" / "account-variable-set".
  const operation =
    scope === "site" ? WRITE_OPERATION.siteVariableSet : WRITE_OPERATION.accountVariableSet;
  return [
    route("GET", `${base}/variables`, "read", (c, core) => {
      const list = listOf(c, core, scope);
      return list ? sendPage(c, core, "variables", list, toWire) : notFound(c, core, what);
    }),
    route("PUT", `${base}/variable`, { write: operation }, async (c, core) => {
      const list = listOf(c, core, scope);
      if (!list) return notFound(c, core, what);
      const body = await readBody(c, CreateSchema);
      if (!body) return badRequest(c, core, "Failed to read request");
      if (list.some((v) => v.name === body.name))
        return dattoError(
          c,
          core,
          DUPLICATE_VARIABLE_STATUS,
          "Conflict",
          `Variable ${body.name} exists`,
        );
      list.push({
        id: core.tenant.ids.variable++,
        name: body.name,
        value: body.value,
        masked: body.masked ?? false,
      });
      return c.body(null, 200);
    }),
    route("POST", `${base}/variable/{variableId}`, { write: operation }, async (c, core) => {
      const variable = listOf(c, core, scope)?.find(
        (v) => v.id === Number(c.req.param("variableId")),
      );
      if (!variable) return notFound(c, core, "Variable");
      const body = await readBody(c, UpdateSchema);
      if (!body) return badRequest(c, core, "Failed to read request");
      if (body.name !== undefined) variable.name = body.name;
      if (body.value !== undefined) variable.value = body.value;
      return c.body(null, 200);
    }),
    route("DELETE", `${base}/variable/{variableId}`, { write: operation }, (c, core) => {
      const list = listOf(c, core, scope);
      const at = list?.findIndex((v) => v.id === Number(c.req.param("variableId"))) ?? -1;
      if (!list || at < 0) return notFound(c, core, "Variable");
      list.splice(at, 1);
      return c.body(null, 200);
    }),
  ];
}

export const variableRoutes = [
  ...crud("account", "/v2/account"),
  ...crud("site", "/v2/site/{siteUid}"),
];
