import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import type { UdfLabels } from "../contract/views";
import { recordEvent } from "../events/record-event";
import type { Outcome } from "../lib/outcome";
import type { Store } from "../store/port/store";

/** The names admins give Datto's UDF fields ("udf3" -> "Contract"), shared by everyone. */
export function createUdfNames({ store }: { store: Pick<Store, "udfLabels" | "transaction"> }) {
  return {
    async get(actor: Actor): Promise<Outcome<{ labels: UdfLabels }>> {
      const denied = authorize(actor, "fleet:read");
      if (denied) return denied;
      return { ok: true, labels: await store.udfLabels.getAll() };
    },

    /** Replaces every name (an empty one removes it) and records before and after. */
    async replace(actor: Actor, labels: UdfLabels): Promise<Outcome<{ labels: UdfLabels }>> {
      const denied = authorize(actor, "settings:manage");
      if (denied) return denied;
      const after = await store.transaction(async (tx) => {
        const before = await tx.udfLabels.getAll();
        const stored = await tx.udfLabels.replaceAll(labels);
        await recordEvent(tx.events, actor, {
          kind: "fleet.udf_labels_changed",
          target: null,
          detail: { before, after: stored },
        });
        return stored;
      });
      return { ok: true, labels: after };
    },
  };
}

export type UdfNames = ReturnType<typeof createUdfNames>;
