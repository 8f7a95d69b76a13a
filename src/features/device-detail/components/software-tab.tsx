import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PageSpinner } from "@/components/ui/spinner";
import { deviceClassNoun } from "@/entities/device/device-labels";
import { endpointText } from "@/lib/endpoint-text";
import { deviceAuditQueries } from "../api/queries";
import { SimpleTable } from "./facts";

type Sort = "name-asc" | "name-desc" | "version-asc" | "version-desc";

const SORTS = [
  { value: "name-asc", label: "Name A–Z" },
  { value: "name-desc", label: "Name Z–A" },
  { value: "version-asc", label: "Version, oldest first" },
  { value: "version-desc", label: "Version, newest first" },
] as const;

// Numeric-aware so 10.2 sorts after 9.8.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** The device's installed software: search, sort and count (locally: one device is a short list). */
export function SoftwareTab(props: { uid: string; deviceClass: string }) {
  const isAuditable = props.deviceClass === "device";
  const software = useQuery({ ...deviceAuditQueries.software(props.uid), enabled: isAuditable });
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("name-asc");

  const items = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const list = (software.data?.items ?? []).filter(
      (i) =>
        !needle ||
        i.name.toLowerCase().includes(needle) ||
        i.version.toLowerCase().includes(needle),
    );
    const [field, dir] = sort.split("-") as ["name" | "version", "asc" | "desc"];
    const sign = dir === "asc" ? 1 : -1;
    return [...list].sort((a, b) => sign * collator.compare(a[field], b[field]));
  }, [software.data, search, sort]);

  if (!isAuditable) {
    return (
      <p className="text-sm">
        Datto keeps software audits for computers only, not for this{" "}
        {deviceClassNoun(props.deviceClass)}.
      </p>
    );
  }
  if (software.isPending) return <PageSpinner label="Loading software…" />;
  if (software.isError) {
    return (
      <ErrorState
        title="Software could not be loaded"
        error={software.error}
        onRetry={() => void software.refetch()}
      />
    );
  }
  const total = software.data.total;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Search software</span>
          <Input
            type="search"
            className="h-8!"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Sort</span>
          <Select
            className="h-8!"
            options={SORTS}
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
          />
        </label>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {items.length === total ? `${total} packages` : `${items.length} of ${total} packages`}
        </p>
      </div>
      <SimpleTable
        caption="Installed software"
        headers={["Name", "Version"]}
        rows={items.map((i) => [endpointText(i.name), endpointText(i.version)])}
        empty={total === 0 ? "No software in the last audit." : "No software matches."}
      />
    </div>
  );
}
