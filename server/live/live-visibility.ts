import { can, type PersonActor } from "../contract/actor";
import type { LiveTopic } from "../contract/live";
import type { Permission } from "../contract/permissions";

/** Who may hear about each topic: the same permission that lets them read it. */
const TOPIC_PERMISSION: Record<LiveTopic, Permission | "signed-in"> = {
  alerts: "fleet:read",
  jobs: "fleet:read",
  fleet: "fleet:read",
  proposals: "proposals:decide",
  // The writes-paused switch is shown in everyone's shell.
  settings: "signed-in",
};

export function mayHear(actor: PersonActor, topic: LiveTopic): boolean {
  const needs = TOPIC_PERMISSION[topic];
  return needs === "signed-in" || can(actor, needs);
}
