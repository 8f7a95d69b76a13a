import { MAX_PAGE_SIZE } from "./unknowns";
import { CUT_OFF_RATIO, WINDOW_MS } from "./rate-limit";
import { route } from "./route-kit";
import { isoInstant } from "./wire-dates";

export const systemRoutes = [
  // The only call without a token (API.md §2).
  route("GET", "/v2/system/status", "open", (c, core) =>
    c.json({
      version: "2.0.0 (Build 201, simulator)",
      status: "OK",
      started: isoInstant(core.startedAt),
    }),
  ),
  route("GET", "/v2/system/request_rate", "read", (c, core) => {
    const limits = core.limiter.limits();
    return c.json({
      slidingTimeWindowSizeSeconds: WINDOW_MS / 1000,
      accountUid: core.tenant.account.uid,
      accountCount: core.limiter.readCount(),
      accountRateLimit: limits.readsPerMinute,
      accountCutOffRatio: CUT_OFF_RATIO,
      accountWriteRateLimit: limits.writesPerMinute,
      accountWriteCount: core.limiter.writeCount(),
      operationWriteStatus: core.limiter.operationCounts(),
    });
  }),
  route("GET", "/v2/system/pagination", "read", (c) => c.json({ max: MAX_PAGE_SIZE })),
];
