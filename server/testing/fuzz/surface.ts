import type { BodyGen } from "./fuzz-bodies";
import type { Field } from "./fuzz-fields";

/** What each value sent was (orKnown's tags: "known", "unknown", a view's owner), by field. */
export type Tags = Readonly<Record<string, string | undefined>>;

/** A handler's answer, with what was sent: the value and tag of each field, and by whom. */
export type Answer = {
  status: number;
  body: unknown;
  values: Readonly<Record<string, unknown>>;
  tags: Tags;
  caller: string;
};

/** Ids the app holds, as orKnown reads them (value -> tag), kept current as the fuzz changes them. */
export type FuzzWorld = {
  /** Device uid -> its class. */
  devices: Map<string, string>;
  sites: Map<string, string>;
  filters: Map<string, string>;
  targetUsers: Map<string, string>;
  /** Alert uids open when the fuzz began (polled once). */
  alerts: Map<string, string>;
  /** Saved view id -> the caller who saved it. */
  views: Map<string, string>;
};

/**
 * One API route's inputs for the fuzz and what its handler may answer to input that passed
 * validation. Callers are "anonymous", a role ("viewer"...), "agent" or "wall".
 */
export type Surface = {
  params?: Record<string, Field>;
  query?: Record<string, Field>;
  /** Query fields generated on every request; of the others a few are picked at random. */
  always?: readonly string[];
  body?: BodyGen;
  /** Fields at fault when valid values do not go together (by the values sent). */
  conflicts?: (values: Readonly<Record<string, unknown>>) => readonly string[];
  /** Sent only without a session: signing in or out would change the fuzz's own sessions. */
  anonymousOnly?: true;
  answers(tags: Tags, caller: string): readonly number[];
  /** The Datto reads (as the simulator names them) the handler may make for such input. */
  datto?: (tags: Tags) => readonly string[];
  /** Notes what an answer changed in the app (a view saved or deleted). */
  after?(answer: Answer): void;
};

/**
 * What the app must answer: one of `statuses` (with `code` when the refusal has a fixed one).
 * A 400 may name only `blamable` fields and must name one of them. `handler` says whether the
 * request may reach the route's handler, the only place a Datto read (`datto`) may come from.
 */
export type Expectation = {
  statuses: readonly number[];
  code?: string;
  blamable: ReadonlySet<string>;
  handler: boolean;
  datto: readonly string[];
};
