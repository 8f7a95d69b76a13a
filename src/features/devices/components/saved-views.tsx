import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { DeviceQuery } from "@server/contract/devices";
import { Button, buttonClasses } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Input } from "@/components/ui/input";
import { Popover } from "@/components/ui/popover";
import { errorMessage } from "@/lib/api-client";
import { savedViewQueries, useCreateSavedView, useDeleteSavedView } from "../api/saved-views";
import { deviceViewSearch } from "../use-device-url-state";

/** The person's saved views (stored on the server): open one, delete one, save the current one. */
export function SavedViews(props: { query: DeviceQuery; columns: string[] }) {
  const views = useQuery(savedViewQueries.list());
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const [name, setName] = useState("");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, query: props.query, columns: props.columns.filter((c) => c !== "select") },
      { onSuccess: () => setName("") },
    );
  };

  return (
    <Popover
      trigger="Saved views"
      triggerClassName={buttonClasses("secondary", "sm")}
      panelLabel="Saved views"
      align="start"
    >
      <h2 className="mb-2 font-semibold">Saved views</h2>
      {views.data?.views.length === 0 && (
        <p className="text-slate-600 dark:text-slate-400">No saved views yet.</p>
      )}
      <ul className="mb-3 max-h-60 space-y-1 overflow-y-auto">
        {views.data?.views.map((view) => (
          <li key={view.id} className="flex items-center justify-between gap-2">
            <Link
              to={`/devices${deviceViewSearch(view.query, view.columns.length > 0 ? view.columns : null)}`}
              className="truncate text-indigo-700 hover:underline dark:text-indigo-300"
              title={view.name}
            >
              {view.name}
            </Link>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete view ${view.name}`}
              isPending={remove.isPending && remove.variables === view.id}
              onClick={() => remove.mutate(view.id)}
            >
              Delete
            </Button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={onSubmit}
        className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
      >
        <label htmlFor="saved-view-name" className="block text-sm font-medium">
          Save the current view as
        </label>
        <div className="flex gap-2">
          <Input
            id="saved-view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
          />
          <Button type="submit" variant="primary" isPending={create.isPending}>
            Save
          </Button>
        </div>
        {create.isError && <InlineAlert>{errorMessage(create.error)}</InlineAlert>}
        {remove.isError && <InlineAlert>{errorMessage(remove.error)}</InlineAlert>}
      </form>
    </Popover>
  );
}
