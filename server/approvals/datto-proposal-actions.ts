import type { DattoApi } from "../datto/api/create-datto-api";
import { jobNameFor, readJobStatus, type ProposalActions } from "./proposal-actions";

/**
 * The proposal writes straight through the Datto facade. Interim: replaced by the alert queue's
 * resolveAlerts and the job launcher's launchJob once those land (see compose.ts).
 */
export function createDattoProposalActions(datto: DattoApi): ProposalActions {
  return {
    async runQuickJob(input) {
      const jobName = jobNameFor(input.componentName, input);
      const answer = await datto.createQuickJob(input.deviceUid, {
        jobName,
        jobComponent: {
          componentUid: input.componentUid,
          variables: Object.entries(input.variables).map(([name, value]) => ({ name, value })),
        },
      });
      return { runId: null, jobUid: answer.job?.uid ?? null, jobName };
    },
    async resolveAlert({ alertUid }) {
      await datto.resolveAlert(alertUid);
    },
    jobStatus: async ({ jobUid }, deviceUid) =>
      jobUid
        ? readJobStatus(datto, jobUid, deviceUid)
        : { status: "Pending", stdout: null, stderr: null },
  };
}
