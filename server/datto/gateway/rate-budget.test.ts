import { describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import { createRateBudget } from "./rate-budget";

describe("rate budget", () => {
  it("keeps a fifth of the reads for interactive requests while background work queues", async () => {
    const clock = createManualClock();
    const budget = createRateBudget(clock, { reads: 10, writesPerOperation: 5 });
    for (let i = 0; i < 8; i++) await budget.acquire("reads", "background");

    let backgroundGotOne = false;
    const background = budget.acquire("reads", "background").then(() => (backgroundGotOne = true));
    await Promise.resolve();
    expect(backgroundGotOne).toBe(false);

    // A person's click still goes straight through, twice, while the crawl waits.
    await budget.acquire("reads", "interactive");
    await budget.acquire("reads", "interactive");
    expect(budget.stats()).toMatchObject({ readsUsed: 10, readsLimit: 10, queued: 1 });

    await clock.advance(60_000);
    await background;
    expect(backgroundGotOne).toBe(true);
  });

  it("serves a waiting interactive request before background ones queued earlier", async () => {
    const clock = createManualClock();
    const budget = createRateBudget(clock, { reads: 5, writesPerOperation: 5 });
    for (let i = 0; i < 5; i++) await budget.acquire("reads", "interactive");
    const order: string[] = [];
    const a = budget.acquire("reads", "background").then(() => order.push("background"));
    const b = budget.acquire("reads", "interactive").then(() => order.push("interactive"));
    await clock.advance(60_000);
    await Promise.all([a, b]);
    expect(order).toEqual(["interactive", "background"]);
  });

  it("gives writes no reserve: each operation has its own full quota", async () => {
    const clock = createManualClock();
    const budget = createRateBudget(clock, { reads: 10, writesPerOperation: 3 });
    for (let i = 0; i < 3; i++)
      expect(budget.tryAcquire("alert-resolve", "interactive")).toBe(true);
    expect(budget.tryAcquire("alert-resolve", "interactive")).toBe(false);
    expect(budget.tryAcquire("device-job-create", "interactive")).toBe(true);
  });
});
