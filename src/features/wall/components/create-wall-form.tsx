import { useState, type FormEvent } from "react";
import type { CreatedWallToken, WallLayout } from "@server/contract/wall";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/api-client";
import { useCreateWallToken } from "../api/wall-token-queries";

const LAYOUTS = [
  { value: "rotate", label: "One panel at a time, rotating" },
  { value: "all", label: "Every panel on one screen" },
] as const;

/** Name a wall, pick its layout, get its link (shown once). */
export function CreateWallForm({ onCreated }: { onCreated: (created: CreatedWallToken) => void }) {
  const [name, setName] = useState("");
  const [layout, setLayout] = useState<WallLayout>("rotate");
  const [seconds, setSeconds] = useState("20");
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useCreateWallToken();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError("Give the wall a name.");
      return;
    }
    setNameError(null);
    create.mutate(
      { name, layout, rotateSeconds: Number(seconds) },
      {
        onSuccess: (created) => {
          setName("");
          onCreated(created);
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-4 md:grid-cols-[2fr_2fr_1fr_auto] md:items-end"
    >
      {create.error && (
        <div className="md:col-span-4">
          <InlineAlert title="Could not create the wall">{errorMessage(create.error)}</InlineAlert>
        </div>
      )}
      <Field label="Wall name" hint="Where it hangs, e.g. NOC left screen." error={nameError}>
        {(p) => (
          <Input {...p} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label="Layout">
        {(p) => (
          <Select
            {...p}
            options={LAYOUTS}
            value={layout}
            onChange={(e) => setLayout(e.target.value as WallLayout)}
          />
        )}
      </Field>
      <Field label="Seconds per panel">
        {(p) => (
          <Select
            {...p}
            options={["10", "20", "30", "60", "120"].map((v) => ({ value: v, label: `${v} s` }))}
            value={seconds}
            disabled={layout === "all"}
            onChange={(e) => setSeconds(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" isPending={create.isPending}>
        Create wall link
      </Button>
    </form>
  );
}
