import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Component } from "@server/contract/components";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { jobQueries } from "@/entities/job/job-queries";
import { useToggleFavourite } from "../api/mutations";

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

function matches(c: Component, terms: string[]) {
  const hay = `${c.name}\n${c.category ?? ""}\n${c.description ?? ""}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}

function ComponentRow(props: {
  component: Component;
  selected: boolean;
  favourite: boolean;
  onPick: () => void;
}) {
  const { component: c } = props;
  const toggle = useToggleFavourite();
  return (
    <li
      className={cn(
        "flex items-start gap-2 rounded-md px-2 py-1.5",
        props.selected &&
          "bg-indigo-50 ring-1 ring-indigo-300 dark:bg-indigo-950 dark:ring-indigo-700",
      )}
    >
      <button
        type="button"
        aria-label={
          props.favourite ? `Remove ${c.name} from favourites` : `Add ${c.name} to favourites`
        }
        aria-pressed={props.favourite}
        className="mt-0.5 text-lg leading-none text-amber-500"
        onClick={() => toggle.mutate({ uid: c.uid, favourite: !props.favourite })}
      >
        {props.favourite ? "★" : "☆"}
      </button>
      <button
        type="button"
        className="min-w-0 flex-1 text-left"
        onClick={props.onPick}
        aria-pressed={props.selected}
      >
        <span className="font-medium">{c.name}</span>{" "}
        {c.category && (
          <span className="text-xs text-slate-600 dark:text-slate-400">{c.category}</span>
        )}{" "}
        {c.credentialsRequired && <Badge tone="warning">needs credentials</Badge>}
        {c.description && (
          <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
            {c.description}
          </span>
        )}
      </button>
    </li>
  );
}

/** The catalog: search by name, category and description; favourites and recently used first. */
export function ComponentPicker(props: {
  selectedUid: string | null;
  onPick: (c: Component) => void;
  /** A component named by the link (`?component=` uid or exact name), picked once loaded. */
  initial?: string | null;
}) {
  const catalog = useQuery(jobQueries.components());
  const [search, setSearch] = useState("");
  const applied = useRef(false);
  const { onPick, initial } = props;
  useEffect(() => {
    // Only the link the page was opened with: a later `?component=` is the launcher noting the pick.
    if (applied.current || !catalog.data) return;
    applied.current = true;
    if (!initial) return;
    const wanted = initial.trim().toLowerCase();
    const found = catalog.data.components.find(
      (c) => c.uid === initial || c.name.toLowerCase() === wanted,
    );
    if (found) onPick(found);
  }, [catalog.data, initial, onPick]);
  if (catalog.isPending) return <Spinner label="Loading components…" />;
  if (catalog.isError)
    return (
      <ErrorState
        title="The component catalog could not be loaded"
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
      />
    );
  const { components, favourites, recent } = catalog.data;
  const terms = words(search);
  const byUid = new Map(components.map((c) => [c.uid, c]));
  const shown = components.filter((c) => matches(c, terms));
  const fav = new Set(favourites);
  const groups: Array<[string, Component[]]> = terms.length
    ? [["Matching components", shown]]
    : [
        ["Favourites", favourites.flatMap((u) => byUid.get(u) ?? [])],
        ["Recently used", recent.flatMap((u) => byUid.get(u) ?? []).filter((c) => !fav.has(c.uid))],
        ["All components", components],
      ];
  return (
    <div className="space-y-2">
      <Input
        type="search"
        aria-label="Search components"
        placeholder="Search by name, category or description"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {catalog.data.stale && (
        <p className="text-xs text-amber-700">
          Datto could not be reached: this is the last catalog read.
        </p>
      )}
      <div className="max-h-96 space-y-3 overflow-y-auto pr-1">
        {groups
          .filter(([, list]) => list.length > 0)
          .map(([title, list]) => (
            <section key={title} aria-label={title}>
              <h3 className="text-xs font-semibold tracking-wide text-slate-600 dark:text-slate-400 uppercase">
                {title}
              </h3>
              <ul className="mt-1 space-y-0.5">
                {list.map((c) => (
                  <ComponentRow
                    key={c.uid}
                    component={c}
                    selected={props.selectedUid === c.uid}
                    favourite={fav.has(c.uid)}
                    onPick={() => props.onPick(c)}
                  />
                ))}
              </ul>
            </section>
          ))}
        {shown.length === 0 && <p className="text-sm text-slate-600">No component matches.</p>}
      </div>
    </div>
  );
}
