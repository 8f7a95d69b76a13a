import { MAX_QUEUE_LIMIT } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { RESOLVE_CAUTION, type ResolveTarget } from "@/entities/alert/resolve-dialog";

/**
 * Above the list for someone who may act: the selection and its bulk resolve, or (nothing
 * selected) the list's keys and "select all" for the current view.
 */
export function AlertSelectionBar(props: {
  selected: readonly ResolveTarget[];
  /** Alerts matching the view on the server. */
  total: number;
  onResolve: (targets: readonly ResolveTarget[]) => void;
  onClear: () => void;
  onSelectAll: () => void;
}) {
  const { selected, total } = props;
  if (selected.length > 0) {
    return (
      <div
        className="flex flex-wrap items-center gap-2 rounded-md bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-950"
        role="region"
        aria-label="Selection"
      >
        <span>{selected.length} selected</span>
        <Button size="sm" variant="danger" onClick={() => props.onResolve(selected)}>
          Resolve {selected.length}…
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onClear}>
          Clear selection
        </Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">{RESOLVE_CAUTION}</span>
      </div>
    );
  }
  if (total === 0) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      Keys in the list: j/k move, x select, c claim, r resolve, Enter details.{" "}
      <button type="button" className="underline" onClick={props.onSelectAll}>
        {total <= MAX_QUEUE_LIMIT
          ? `Select all ${total} shown`
          : `Select the first ${MAX_QUEUE_LIMIT} shown`}
      </button>
    </p>
  );
}
