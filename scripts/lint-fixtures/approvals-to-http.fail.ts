// lint-as: server/approvals/proposals.ts
// expect: zones/imports
import { apiError } from "../middleware/errors";

export const e = apiError;
