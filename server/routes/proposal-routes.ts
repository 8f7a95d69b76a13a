import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../contract/actor";
import {
  DecisionSchema,
  ProposalQuerySchema,
  type Proposal,
  type ProposalList,
} from "../contract/proposals";
import type { Proposals } from "../approvals/proposals";
import { refusalResponse } from "../middleware/refusal-response";
import { actorOf, type Guard, type RouteRule } from "../middleware/route-guard";
import { validate } from "../middleware/validate";

const IdParamSchema = z.object({ id: z.string().min(1).max(100) });
const DECIDE: RouteRule = { needs: "proposals:decide", peopleOnly: true };

/** Mounted at /api/proposals: the approval queue. An approval runs the action (once) before answering. */
export function createProposalRoutes({ proposals, guard }: { proposals: Proposals; guard: Guard }) {
  return new Hono<AppEnv>()
    .get("/", ...guard(DECIDE, validate("query", ProposalQuerySchema)), async (c) => {
      const result = await proposals.list(actorOf(c), c.req.valid("query"));
      if (!result.ok) return refusalResponse(c, result);
      return c.json(
        { proposals: result.proposals, pending: result.pending } satisfies ProposalList,
        200,
      );
    })
    .get("/:id", ...guard(DECIDE, validate("param", IdParamSchema)), async (c) => {
      const result = await proposals.get(actorOf(c), c.req.valid("param").id);
      if (!result.ok) return refusalResponse(c, result);
      return c.json(result.proposal satisfies Proposal, 200);
    })
    .post(
      "/:id/approve",
      ...guard(
        { ...DECIDE, callsDatto: true },
        validate("param", IdParamSchema),
        validate("json", DecisionSchema),
      ),
      async (c) => {
        const result = await proposals.decide(
          actorOf(c),
          c.req.valid("param").id,
          "approve",
          c.req.valid("json"),
        );
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.proposal satisfies Proposal, 200);
      },
    )
    .post(
      "/:id/reject",
      ...guard(DECIDE, validate("param", IdParamSchema), validate("json", DecisionSchema)),
      async (c) => {
        const result = await proposals.decide(
          actorOf(c),
          c.req.valid("param").id,
          "reject",
          c.req.valid("json"),
        );
        if (!result.ok) return refusalResponse(c, result);
        return c.json(result.proposal satisfies Proposal, 200);
      },
    );
}
