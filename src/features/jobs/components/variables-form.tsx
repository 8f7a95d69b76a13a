import { checkVariableValue, type Component } from "@server/contract/components";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type VariableValues = Record<string, string | boolean>;

/** The form's starting values: each variable's default. */
export function defaultValues(component: Component): VariableValues {
  return Object.fromEntries(
    component.variables.map((v) => [
      v.name,
      v.type === "boolean" ? v.defaultValue?.toLowerCase() === "true" : (v.defaultValue ?? ""),
    ]),
  );
}

/** What is wrong with each value (the server checks the same rule again). */
export function variableErrors(component: Component, values: VariableValues) {
  const errors: Record<string, string> = {};
  for (const v of component.variables) {
    const value = values[v.name];
    if (typeof value === "boolean") continue;
    if (value === undefined || value.trim() === "") {
      if (v.required) errors[v.name] = `${v.name} is required.`;
      continue;
    }
    const checked = checkVariableValue(v, value);
    if (!checked.ok) errors[v.name] = `Give ${checked.expected}.`;
  }
  return errors;
}

/** One field per declared variable, by its type, defaults filled. */
export function VariablesForm(props: {
  component: Component;
  values: VariableValues;
  errors: Record<string, string>;
  onChange: (values: VariableValues) => void;
}) {
  const { component, values } = props;
  if (component.variables.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This component takes no variables.
      </p>
    );
  const set = (name: string, value: string | boolean) =>
    props.onChange({ ...values, [name]: value });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {component.variables.map((v) => {
        const label = `${v.name}${v.required ? " (required)" : ""}`;
        const hint = [v.description, `Type: ${v.type}`].filter(Boolean).join(" · ");
        if (v.type === "boolean") {
          return (
            <label key={v.name} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={values[v.name] === true}
                onChange={(e) => set(v.name, e.target.checked)}
              />
              <span>
                <span className="font-medium">{v.name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{hint}</span>
              </span>
            </label>
          );
        }
        return (
          <Field key={v.name} label={label} hint={hint} error={props.errors[v.name] ?? null}>
            {(p) => (
              <Input
                {...p}
                type={v.type === "date" ? "date" : "text"}
                inputMode={v.type === "number" ? "decimal" : undefined}
                value={String(values[v.name] ?? "")}
                onChange={(e) => set(v.name, e.target.value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
