import type { Component, ComponentVariable } from "../contract/components";
import type { DattoComponent } from "../datto/schemas/component";

/** Datto's component (API.md §6) as ours: input variables only, defaults as text. */
export function mapComponent(raw: DattoComponent): Component {
  const variables: ComponentVariable[] = (raw.variables ?? [])
    .filter((v) => v.direction !== true)
    .sort((a, b) => (a.variablesIdx ?? 0) - (b.variablesIdx ?? 0))
    .map((v) => {
      const type = (v.type ?? "string").trim().toLowerCase() || "string";
      const defaultValue =
        v.defaultVal === null || v.defaultVal === undefined ? null : String(v.defaultVal);
      return {
        name: v.name,
        type,
        defaultValue,
        description: v.description ?? null,
        required: (defaultValue === null || defaultValue === "") && type !== "boolean",
      };
    });
  return {
    uid: raw.uid,
    name: raw.name?.trim() || raw.uid,
    description: raw.description ?? null,
    category: raw.categoryCode ?? null,
    credentialsRequired: raw.credentialsRequired === true,
    variables,
  };
}
