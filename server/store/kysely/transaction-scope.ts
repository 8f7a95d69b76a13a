import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Knows whether the current async call chain is inside one of this store's `transaction(fn)`.
 * A call on the store itself from there would wait for the transaction to end, which waits for
 * `fn`: the driver asks `assertOutside()` before it hands out a connection and fails loudly instead.
 */
export function createTransactionScope() {
  const storage = new AsyncLocalStorage<{ open: boolean }>();
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      const frame = { open: true };
      try {
        return await storage.run(frame, fn);
      } finally {
        // Work that fn started and left running may use the store once the transaction is over.
        frame.open = false;
      }
    },
    assertOutside(): void {
      if (storage.getStore()?.open) {
        throw new Error(
          "The store was called from inside its own transaction(fn): use the tx that fn receives.",
        );
      }
    },
  };
}

export type TransactionScope = ReturnType<typeof createTransactionScope>;
