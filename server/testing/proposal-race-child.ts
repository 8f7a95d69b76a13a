import { createInterface } from "node:readline";
import { createDattoProposalActions } from "../approvals/datto-proposal-actions";
import { createProposals } from "../approvals/proposals";
import type { PersonActor } from "../contract/actor";
import { createDattoApi } from "../datto/api/create-datto-api";
import { createDattoGateway } from "../datto/gateway/create-gateway";
import { systemClock } from "../lib/clock";
import { createLogger } from "../lib/logger";
import { createLiveBus } from "../live/live-bus";
import { createAgentSettings } from "../settings/agent-settings";
import { pausableGateway } from "../settings/pausable-gateway";
import { openSqliteStore } from "../store/sqlite/open-sqlite-store";

/**
 * Another server process deciding and executing proposals on the same database, for the
 * exactly-once tests (server/approvals/proposals-processes.test.ts). Run as `node --import tsx
 * proposal-race-child.ts <dataDir> <dattoBaseUrl> <proposalId> <calls>`: it builds the real
 * proposals service over its own store connection and its own gateway to the simulator, prints
 * "ready", waits for "go", then makes `calls` approve and execute calls at once (alternating) and
 * prints one JSON line: how many approvals it won. With calls = 1 it approves once and waits.
 */
const [dataDir, baseUrl, proposalId, calls] = process.argv.slice(2);
const store = await openSqliteStore({ dataDir: dataDir!, clock: systemClock });
const logger = createLogger({ level: "error", secrets: [] });
const live = createLiveBus();
const settings = createAgentSettings({ store, clock: systemClock, live });
const gateway = pausableGateway(
  createDattoGateway({
    baseUrl: baseUrl!,
    apiKey: "sim-key",
    apiSecret: "sim-secret",
    fetch,
    clock: systemClock,
    logger,
    timeoutMs: 600_000,
  }),
  settings.writesPaused,
);
const proposals = createProposals({
  store,
  clock: systemClock,
  logger,
  live,
  settings,
  actions: createDattoProposalActions(createDattoApi(gateway)),
  recheck: async () => null,
});
const approver: PersonActor = {
  kind: "person",
  userId: `approver-${process.pid}`,
  username: `approver-${process.pid}`,
  role: "approver",
  sessionId: "",
};

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.info("ready");
await lines.next();
const results = await Promise.all(
  Array.from({ length: Number(calls) }, (_, i) =>
    i % 2 === 0
      ? proposals.decide(approver, proposalId!, "approve", {}).then((r) => r.ok)
      : proposals.execute(proposalId!).then(() => false),
  ),
);
console.info(JSON.stringify({ approvalsWon: results.filter(Boolean).length }));
await store.close();
process.exit(0);
