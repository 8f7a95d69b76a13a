import type { AlertClaim, QueueAlert } from "../../contract/alerts";

export type ClaimInput = {
  alertUid: string;
  actor: string;
  actorKind: string | null;
  actorId: string | null;
  note: string | null;
};

/** What a claim attempt found: it took the alert, or someone (maybe the same actor) had it. */
export type ClaimAttempt =
  { taken: true; claim: AlertClaim } | { taken: false; holder: AlertClaim };

/** "On it" claims of open alerts, one per alert: the first claim wins, atomically. */
export interface AlertClaimRepo {
  /** Takes the alert when nobody holds it; otherwise answers who does and changes nothing. */
  claim(input: ClaimInput): Promise<ClaimAttempt>;
  /** The holder's own claim again: replaces the note. False when they no longer hold it. */
  updateNote(
    alertUid: string,
    actorId: string | null,
    actor: string,
    note: string | null,
  ): Promise<AlertClaim | null>;
  get(alertUid: string): Promise<AlertClaim | null>;
  list(): Promise<Map<string, AlertClaim>>;
  /** Removes the claim and answers what it was (null: there was none). */
  release(alertUid: string): Promise<AlertClaim | null>;
  /** Drops the claims of alerts that are no longer open. */
  removeMany(alertUids: readonly string[]): Promise<void>;
}

export type ResolutionRecord = {
  alertUid: string;
  via: "deck" | "datto";
  actor: string | null;
  actorKind: string | null;
  actorId: string | null;
  resolvedAt: number;
  alert: QueueAlert;
};

/** Alerts resolved in the last day, through RMM Deck or outside it. */
export interface AlertResolutionRepo {
  /** Adds the record; a record already there for the alert is kept when it says "deck". */
  record(record: ResolutionRecord): Promise<void>;
  get(alertUid: string): Promise<ResolutionRecord | null>;
  /** Newest first. */
  listSince(at: number): Promise<ResolutionRecord[]>;
  /** Forgets records older than `at`; answers how many went. */
  pruneBefore(at: number): Promise<number>;
  /** Forgets these alerts' records (they were seen open again). */
  removeMany(alertUids: readonly string[]): Promise<void>;
}
