/** What an instance executes and records itself as the executor of (decision 0030). */
export type ExecutionKind = "job-run" | "proposal";

/** The instance lease (server/store/port/instance-lock-repo.ts) that says an executor is alive. */
export const executorLeaseName = (executorId: string) => `executor:${executorId}`;

/**
 * Who executes a job run's dispatch or a proposal: each instance holds a lease named
 * `executor:<its id>` while it runs, and records its id on the rows it executes, so that
 * recovery settles only the rows of an executor whose lease lapsed (it died), never those of a
 * live instance still sending.
 */
export interface ExecutorRepo {
  /**
   * Makes `executorId` the executor of the row unless another one already is; true when it now
   * is (or already was) this executor's. False also when there is no such row.
   */
  claim(kind: ExecutionKind, id: string, executorId: string): Promise<boolean>;
  /** Records `executorId` as the executor, whoever was before (a proposal's conditional move to
   * executing already decided the one winner, in the same transaction). */
  record(kind: ExecutionKind, id: string, executorId: string): Promise<void>;
  /** The executor recorded on each of these rows (null: none); rows that do not exist are left out. */
  executorsOf(kind: ExecutionKind, ids: readonly string[]): Promise<Map<string, string | null>>;
  /** Of these executors, those whose lease is held and unexpired at `now`. */
  live(executorIds: readonly string[], now: number): Promise<Set<string>>;
}
