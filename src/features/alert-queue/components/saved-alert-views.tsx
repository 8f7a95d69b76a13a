import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AlertQueueQuery } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Select } from "@/components/ui/select";
import { queueParams, withoutPaging } from "@/entities/alert/alert-queries";
import { errorMessage } from "@/lib/api-client";
import { alertViewQueries, useCreateAlertView, useDeleteAlertView } from "../api/saved-views";
import type { Group } from "../use-alert-url-state";

/** Named queue views (filters and grouping), the person's own, kept by the server. */
export function SavedAlertViews(props: {
  query: AlertQueueQuery;
  group: Group | null;
  onApply: (query: AlertQueueQuery, group: Group | null) => void;
}) {
  const views = useQuery(alertViewQueries.list());
  const create = useCreateAlertView();
  const remove = useDeleteAlertView();
  const [picked, setPicked] = useState("");
  const list = views.data ?? [];
  const failure = create.error ?? remove.error;
  return (
    <div className="flex items-center gap-1">
      <Select
        aria-label="Saved views"
        className="h-8! w-40"
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value);
          const view = list.find((v) => v.id === e.target.value);
          if (view) props.onApply(view.query, view.group);
        }}
        options={[
          { value: "", label: views.isPending ? "Saved views…" : "Saved views" },
          ...list.map((v) => ({ value: v.id, label: v.name })),
        ]}
      />
      <Button
        size="sm"
        disabled={create.isPending}
        onClick={() => {
          const name = window.prompt("Name this view")?.trim();
          if (!name) return;
          create.mutate(
            {
              name: name.slice(0, 100),
              params: queueParams(withoutPaging(props.query)),
              group: props.group,
            },
            { onSuccess: (view) => setPicked(view.id) },
          );
        }}
      >
        Save view
      </Button>
      {picked && (
        <Button
          size="sm"
          variant="ghost"
          disabled={remove.isPending}
          onClick={() => remove.mutate(picked, { onSuccess: () => setPicked("") })}
        >
          Delete view
        </Button>
      )}
      {failure && <InlineAlert tone="danger">{errorMessage(failure)}</InlineAlert>}
    </div>
  );
}
