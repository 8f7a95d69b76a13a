/** Who holds a lease: a process, told apart by a random id; pid and host are for people and for
 * spotting a holder that has died on this host. */
export type LeaseHolder = { id: string; pid: number; host: string };

export type Lease = LeaseHolder & { acquiredAt: number; renewedAt: number; expiresAt: number };

export type AcquireLeaseResult = { acquired: true } | { acquired: false; lease: Lease };

/**
 * Named leases with an expiry, renewed by a heartbeat: the database says which process may run on
 * it (see server/store/instance-lock.ts). Every method is one conditional write, atomic in the
 * database.
 */
export interface InstanceLockRepo {
  /**
   * Takes the lease when it is free, expired, already this holder's, or held by `replacing` (a
   * holder known to be dead); otherwise resolves to the lease as it stands.
   */
  acquire(input: {
    name: string;
    holder: LeaseHolder;
    now: number;
    ttlMs: number;
    replacing?: string;
  }): Promise<AcquireLeaseResult>;
  /** Extends the lease; false when this holder no longer has it. */
  renew(input: { name: string; holderId: string; now: number; ttlMs: number }): Promise<boolean>;
  release(name: string, holderId: string): Promise<void>;
}
