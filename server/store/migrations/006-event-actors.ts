import type { Migration } from "./migration";

/**
 * Who did it, as data: the actor's kind (person, agent, wall, cli) and id (the user id, the
 * token id; none for the CLI) beside the name the log shows, so the audit log (issue 11) can
 * follow one actor. Events written before this version keep both empty: the name alone cannot
 * say which account or token it was.
 */
export const eventActorsMigration: Migration = {
  version: 6,
  name: "event-actors",
  statements: {
    sqlite: [
      `ALTER TABLE events ADD COLUMN actor_kind TEXT`,
      `ALTER TABLE events ADD COLUMN actor_id TEXT`,
    ],
    postgres: [
      `ALTER TABLE events ADD COLUMN actor_kind TEXT`,
      `ALTER TABLE events ADD COLUMN actor_id TEXT`,
    ],
  },
};
