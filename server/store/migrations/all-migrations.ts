import { accountsMigration } from "./001-accounts";
import { fleetMigration } from "./002-fleet";
import { loginReservationsMigration } from "./003-login-reservations";
import { softwareCatalogMigration } from "./004-software-catalog";
import { instanceLeasesMigration } from "./005-instance-leases";
import { eventActorsMigration } from "./006-event-actors";
import { alertClaimsMigration } from "./007-alert-claims";
import { alertResolutionsMigration } from "./008-alert-resolutions";
import { jobRunsMigration } from "./009-job-runs";
import { componentPrefsMigration } from "./010-component-prefs";
import { agentTokensMigration } from "./011-agent-tokens";
import { proposalsMigration } from "./012-proposals";
import { auditChainMigration } from "./013-audit-chain";
import { wallTokensMigration } from "./014-wall-tokens";
import { wallAlertSamplesMigration } from "./015-wall-alert-samples";
import { perPersonAlertMemoryMigration } from "./017-per-person-alert-memory";
import { executorsMigration } from "./018-executors";
import type { Migration } from "./migration";

/**
 * Every schema migration, in order. To change the schema: add `NNN-what.ts` next to this file
 * exporting a `Migration` with the next version number and its SQL for each dialect, and append it
 * here. The store applies pending ones at start-up and records them in `schema_migrations`.
 */
export const ALL_MIGRATIONS: readonly Migration[] = [
  accountsMigration,
  fleetMigration,
  loginReservationsMigration,
  softwareCatalogMigration,
  instanceLeasesMigration,
  eventActorsMigration,
  alertClaimsMigration,
  alertResolutionsMigration,
  jobRunsMigration,
  componentPrefsMigration,
  agentTokensMigration,
  proposalsMigration,
  auditChainMigration,
  wallTokensMigration,
  wallAlertSamplesMigration,
  perPersonAlertMemoryMigration,
  executorsMigration,
];
