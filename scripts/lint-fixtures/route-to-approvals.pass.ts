// lint-as: server/routes/proposal-routes.ts
import type { Proposals } from "../approvals/proposals";

export type P = Proposals;
