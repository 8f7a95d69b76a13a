import { useState } from "react";
import type { AlertQueueQuery } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { queueParams } from "@/entities/alert/alert-queries";
import { loadViews, storeViews, type AlertView } from "../api/saved-views";
import type { Group } from "../use-alert-url-state";

/** Named queue views (filters and grouping), kept in this browser. */
export function SavedAlertViews(props: {
  query: AlertQueueQuery;
  group: Group | null;
  onApply: (query: AlertQueueQuery, group: Group | null) => void;
}) {
  const [views, setViews] = useState<AlertView[]>(() => loadViews());
  const [picked, setPicked] = useState("");
  const save = (next: AlertView[]) => {
    setViews(next);
    storeViews(next, queueParams);
  };
  return (
    <div className="flex items-center gap-1">
      <Select
        aria-label="Saved views"
        className="h-8! w-40"
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value);
          const view = views.find((v) => v.id === e.target.value);
          if (view) props.onApply(view.query, view.group);
        }}
        options={[
          { value: "", label: "Saved views" },
          ...views.map((v) => ({ value: v.id, label: v.name })),
        ]}
      />
      <Button
        size="sm"
        onClick={() => {
          const name = window.prompt("Name this view")?.trim();
          if (!name) return;
          const view: AlertView = {
            id: `${Date.now()}`,
            name: name.slice(0, 100),
            query: props.query,
            group: props.group,
          };
          save([...views.filter((v) => v.name !== view.name), view]);
          setPicked(view.id);
        }}
      >
        Save view
      </Button>
      {picked && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            save(views.filter((v) => v.id !== picked));
            setPicked("");
          }}
        >
          Delete view
        </Button>
      )}
    </div>
  );
}
