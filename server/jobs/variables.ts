import type { Component, ComponentVariable } from "../contract/components";
import { refusal, type Refusal } from "../lib/outcome";
import type { JobVariable } from "../store/port/job-run-repo";

type Given = Readonly<Record<string, string | number | boolean>>;

const NUMBER = /^-?\d{1,15}(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The value as the text Datto receives, or why it does not fit the declared type. */
export function checkValue(
  variable: ComponentVariable,
  value: string | number | boolean,
): { ok: true; text: string } | { ok: false; expected: string } {
  const text = typeof value === "string" ? value.trim() : String(value);
  switch (variable.type) {
    case "number":
      return typeof value !== "boolean" && NUMBER.test(text)
        ? { ok: true, text }
        : { ok: false, expected: "a number (e.g. 30)" };
    case "boolean":
      return /^(true|false)$/i.test(text)
        ? { ok: true, text: text.toLowerCase() }
        : { ok: false, expected: "true or false" };
    case "date":
      return typeof value === "string" && isValidDate(text)
        ? { ok: true, text }
        : { ok: false, expected: "a date as yyyy-mm-dd" };
    default:
      // string, selection and types Datto may add: text, sent as given.
      return typeof value === "string" ? { ok: true, text: value } : { ok: true, text };
  }
}

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
