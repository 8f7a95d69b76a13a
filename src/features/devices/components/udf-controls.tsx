import { useState, type FormEvent } from "react";
import { UDF_COUNT } from "@server/contract/devices";
import type { UdfLabels } from "@server/contract/views";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useHasRole } from "@/lib/session";
import { useSaveUdfLabels } from "../api/fleet-options";

function udfKey(value: string): string | null {
  const n = Number.parseInt(value, 10);
  return Number.isInteger(n) && n >= 1 && n <= UDF_COUNT ? `udf${n}` : null;
}

/** Inside the column picker: show any UDF as a column; admins also give UDFs names. */
export function UdfControls(props: { labels: UdfLabels; onAddColumn: (key: string) => void }) {
  const isAdmin = useHasRole("admin");
  const save = useSaveUdfLabels();
  const [number, setNumber] = useState("");
  const [labelNumber, setLabelNumber] = useState("");
  const [label, setLabel] = useState("");

  const add = (event: FormEvent) => {
    event.preventDefault();
    const key = udfKey(number);
    if (key) props.onAddColumn(key);
    setNumber("");
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const key = udfKey(labelNumber);
    if (!key) return;
    save.mutate({ ...props.labels, [key]: label.trim() }, { onSuccess: () => setLabel("") });
  };

  return (
    <div className="mt-3 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <form onSubmit={add} className="flex items-end gap-2">
        <label className="flex-1 text-sm">
          <span className="block font-medium">Add UDF column (1–{UDF_COUNT})</span>
          <Input
            type="number"
            min={1}
            max={UDF_COUNT}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <Button type="submit" size="md">
          Add
        </Button>
      </form>
      {isAdmin && (
        <form onSubmit={rename} className="space-y-2">
          <p className="text-sm font-medium">Name a UDF (admins)</p>
          <div className="flex gap-2">
            <label className="w-20 text-sm">
              <span className="sr-only">UDF number</span>
              <Input
                type="number"
                min={1}
                max={UDF_COUNT}
                placeholder="#"
                value={labelNumber}
                onChange={(e) => setLabelNumber(e.target.value)}
              />
            </label>
            <label className="flex-1 text-sm">
              <span className="sr-only">UDF name</span>
              <Input
                placeholder="Name (empty removes it)"
                maxLength={100}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            </label>
            <Button type="submit" isPending={save.isPending}>
              Save
            </Button>
          </div>
          {save.isError && <InlineAlert>{errorMessage(save.error)}</InlineAlert>}
        </form>
      )}
    </div>
  );
}
