import { checkVariableValue as checkValue, type Component } from "../contract/components";
import { refusal, type Refusal } from "../lib/outcome";
import type { JobVariable } from "../store/port/job-run-repo";

type Given = Readonly<Record<string, string | number | boolean>>;

/**
 * The variables a run sends: every input variable the component declares, given or at its
 * default. Refuses (before anything is sent) a name the component does not declare, a value of
 * the wrong type, and a required variable left out or blank, naming the variable.
 */
export function resolveVariables(
  component: Component,
  given: Given = {},
): { ok: true; variables: JobVariable[] } | Refusal {
  const declared = new Map(component.variables.map((v) => [v.name, v]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      const known = component.variables.map((v) => v.name).join(", ") || "none";
      return refusal(
        "invalid",
        "unknown_variable",
        `"${component.name}" has no variable "${name}" (it takes: ${known}).`,
        { variable: name },
      );
    }
  }
  const variables: JobVariable[] = [];
  for (const v of component.variables) {
    const raw = Object.hasOwn(given, v.name) ? given[v.name] : undefined;
    if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
      if (v.required) {
        return refusal(
          "invalid",
          "missing_variable",
          `Variable "${v.name}" is required: give it a value.`,
          { variable: v.name },
        );
      }
      if (v.defaultValue !== null) variables.push({ name: v.name, value: v.defaultValue });
      else if (v.type === "boolean") variables.push({ name: v.name, value: "false" });
      continue;
    }
    const checked = checkValue(v, raw);
    if (!checked.ok) {
      return refusal(
        "invalid",
        "wrong_variable_type",
        `Variable "${v.name}" is of type ${v.type}: give ${checked.expected}.`,
        { variable: v.name, type: v.type },
      );
    }
    variables.push({ name: v.name, value: checked.text });
  }
  return { ok: true, variables };
}
