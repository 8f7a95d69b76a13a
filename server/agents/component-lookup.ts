import type { DattoApi } from "../datto/api/create-datto-api";
import type { DattoComponent } from "../datto/schemas/component";

export type Component = {
  uid: string;
  name: string;
  description: string | null;
  variables: Array<{
    name: string;
    type: string;
    defaultVal: string | null;
    description: string | null;
  }>;
};

export type ComponentFind =
  | { ok: true; component: Component }
  | {
      ok: false;
      code: "component_not_found" | "component_ambiguous";
      message: string;
      candidates: string[];
    };

const toComponent = (c: DattoComponent): Component => ({
  uid: c.uid,
  name: c.name ?? c.uid,
  description: c.description ?? null,
  variables: (c.variables ?? [])
    // Output variables (direction true) are what the script sets, not inputs.
    .filter((v) => v.direction !== true)
    .map((v) => ({
      name: v.name,
      type: v.type ?? "string",
      defaultVal: v.defaultVal === null || v.defaultVal === undefined ? null : String(v.defaultVal),
      description: v.description ?? null,
    })),
});

/**
 * The account's components by name: exact (ignoring case) first, then a unique partial match;
 * several partial matches list the candidates so the agent can pick one. Read through the
 * gateway's cache (the library changes rarely). Until the job launcher's catalog is merged
 * (services.components), this is the agents' own small lookup with the same `find(name)`.
 */
export function createComponentLookup(datto: DattoApi) {
  const all = async () =>
    (await datto.listComponents({ priority: "interactive", maxAgeMs: 10 * 60_000 })).data.map(
      toComponent,
    );
  return {
    async find(name: string): Promise<ComponentFind> {
      const components = await all();
      const wanted = name.trim().toLowerCase();
      const exact = components.filter((c) => c.name.toLowerCase() === wanted);
      if (exact.length === 1) return { ok: true, component: exact[0]! };
      const partial =
        exact.length > 1 ? exact : components.filter((c) => c.name.toLowerCase().includes(wanted));
      if (partial.length === 1) return { ok: true, component: partial[0]! };
      if (partial.length > 1) {
        const candidates = partial.map((c) => c.name).slice(0, 20);
        return {
          ok: false,
          code: "component_ambiguous",
          message: `jobName "${name}" matches ${partial.length} components: ${candidates.join("; ")}. Send one of these names exactly.`,
          candidates,
        };
      }
      const candidates = components.map((c) => c.name).slice(0, 50);
      return {
        ok: false,
        code: "component_not_found",
        message: `No component named "${name}" in the account. Components: ${candidates.join("; ")}.`,
        candidates,
      };
    },
    async byUid(uid: string): Promise<Component | null> {
      return (await all()).find((c) => c.uid === uid) ?? null;
    },
  };
}

export type ComponentLookup = ReturnType<typeof createComponentLookup>;

const CONVERTIBLE: Record<string, (v: string) => boolean> = {
  number: (v) => v.trim() !== "" && Number.isFinite(Number(v)),
  boolean: (v) => v === "true" || v === "false",
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
};

/**
 * The variables to send, as strings, or what is wrong with them: an unknown name (listing the
 * declared ones), a value of the wrong type, or a variable with no default that was not given.
 */
export function checkVariables(
  component: Component,
  given: Record<string, string | number | boolean>,
): { ok: true; variables: Record<string, string> } | { ok: false; message: string } {
  const declared = component.variables.map((v) => v.name);
  const variables: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const def = component.variables.find((v) => v.name === name);
    if (!def) {
      return {
        ok: false,
        message: `Variable "${name}" is not declared by "${component.name}". It takes: ${declared.length ? declared.join(", ") : "no variables"}.`,
      };
    }
    const value = String(raw);
    if (!(CONVERTIBLE[def.type.toLowerCase()]?.(value) ?? true)) {
      return {
        ok: false,
        message: `Variable "${name}" of "${component.name}" must be a ${def.type}; got "${value}".`,
      };
    }
    variables[name] = value;
  }
  const missing = component.variables.filter(
    (v) => variables[v.name] === undefined && (v.defaultVal ?? "") === "",
  );
  if (missing.length > 0) {
    return {
      ok: false,
      message: `"${component.name}" needs ${missing.map((v) => `"${v.name}" (${v.type}${v.description ? `: ${v.description}` : ""})`).join(", ")}: it has no default. Send it in variables.`,
    };
  }
  return { ok: true, variables };
}

/** The job launcher's component catalog (server/components/), structurally. */
type CatalogComponent = {
  uid: string;
  name: string;
  description: string | null;
  variables: ReadonlyArray<{
    name: string;
    type: string;
    defaultValue: string | null;
    description: string | null;
    required: boolean;
  }>;
};
export type ComponentCatalogLike = {
  find(
    nameOrUid: string,
  ): Promise<
    | { kind: "found"; component: CatalogComponent }
    | { kind: "ambiguous"; candidates: CatalogComponent[] }
    | { kind: "none"; suggestions: CatalogComponent[] }
  >;
  get(uid: string): Promise<CatalogComponent | null>;
};

const fromCatalog = (c: CatalogComponent): Component => ({
  uid: c.uid,
  name: c.name,
  description: c.description,
  // A variable the launcher does not require (a boolean, one with a default) may be left out.
  variables: c.variables.map((v) => ({
    name: v.name,
    type: v.type,
    defaultVal: v.defaultValue ?? (v.required ? null : "false"),
    description: v.description,
  })),
});

/** The agents' lookup over the job launcher's catalog: one catalog, one matching rule. */
export function componentLookupFromCatalog(
  catalog: ComponentCatalogLike,
): Pick<ComponentLookup, "find" | "byUid"> {
  return {
    async find(name) {
      const match = await catalog.find(name);
      if (match.kind === "found") return { ok: true, component: fromCatalog(match.component) };
      if (match.kind === "ambiguous") {
        const candidates = match.candidates.map((c) => c.name);
        return {
          ok: false,
          code: "component_ambiguous",
          message: `jobName "${name}" matches ${candidates.length} components: ${candidates.join("; ")}. Send one of these names exactly.`,
          candidates,
        };
      }
      const candidates = match.suggestions.map((c) => c.name);
      return {
        ok: false,
        code: "component_not_found",
        message: `No component named "${name}" in the account.${candidates.length ? ` Did you mean: ${candidates.join("; ")}?` : ""}`,
        candidates,
      };
    },
    async byUid(uid) {
      const found = await catalog.get(uid);
      return found && fromCatalog(found);
    },
  };
}
