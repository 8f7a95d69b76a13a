import type { Table } from "@tanstack/react-table";
import { useState, type FormEvent } from "react";
import { UDF_COUNT, type DeviceRow } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { ColumnCheckbox } from "@/components/data-table/column-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useCan } from "@/lib/session";
import { useSaveUdfLabels } from "../api/fleet-options";

const NUMBER_HINT = `Enter a UDF number from 1 to ${UDF_COUNT}.`;

function udfKey(value: string): string | null {
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 1 && n <= UDF_COUNT ? `udf${n}` : null;
}

function devicesNote(n: number | undefined): string {
  if (!n) return "no data";
  return `${n.toLocaleString()} ${n === 1 ? "device" : "devices"}`;
}

function UdfNumberField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(p) => (
        <Input
          {...p}
          inputMode="numeric"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** Admins give UDFs names; a number outside 1..300 is refused with a message. */
function NameUdfForm(props: { labels: UdfLabels }) {
  const save = useSaveUdfLabels();
  const [number, setNumber] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = udfKey(number);
    setError(key ? null : NUMBER_HINT);
    if (!key) return;
    save.mutate({ ...props.labels, [key]: label.trim() }, { onSuccess: () => setLabel("") });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <p className="text-sm font-medium">Name a UDF (admins)</p>
      <div className="grid grid-cols-[5rem_1fr_auto] items-start gap-2">
        <UdfNumberField label="UDF number" value={number} onChange={setNumber} error={error} />
        <Field label="UDF name">
          {(p) => (
            <Input
              {...p}
              placeholder="Empty removes it"
              maxLength={100}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" className="mt-6" isPending={save.isPending}>
          Save
        </Button>
      </div>
      {save.isError && <InlineAlert>{errorMessage(save.error)}</InlineAlert>}
    </form>
  );
}

/**
 * Inside the column picker: the UDFs that hold data or have a name, each a checkbox with how many
 * devices have a value; any other UDF by number; admins also name UDFs.
 */
export function UdfControls(props: {
  table: Table<DeviceRow>;
  udfKeys: readonly string[];
  udfDevices: ReadonlyMap<string, number>;
  labels: UdfLabels;
  onAddColumn: (key: string) => void;
}) {
  const isAdmin = useCan("settings:manage");
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const key = udfKey(number);
    if (!key) {
      setError(NUMBER_HINT);
      return;
    }
    setError(null);
    props.onAddColumn(key);
    setNumber("");
  };

  return (
    <div className="mt-3 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <fieldset>
        <legend className="mb-2 font-semibold">User-defined fields</legend>
        {props.udfKeys.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No UDF holds data or has a name.</p>
        ) : (
          <div className="grid gap-y-1">
            {props.udfKeys.map((key) => {
              const column = props.table.getColumn(key);
              return column ? (
                <ColumnCheckbox
                  key={key}
                  column={column}
                  note={devicesNote(props.udfDevices.get(key))}
                />
              ) : null;
            })}
          </div>
        )}
      </fieldset>
      <form onSubmit={add} noValidate className="grid grid-cols-[1fr_auto] items-start gap-2">
        <UdfNumberField
          label={`Show another UDF (1–${UDF_COUNT})`}
          value={number}
          onChange={setNumber}
          error={error}
        />
        <Button type="submit" className="mt-6">
          Add
        </Button>
      </form>
      {isAdmin && <NameUdfForm labels={props.labels} />}
    </div>
  );
}
