import { describe, expect, it } from "vitest";
import type { AlertQueueResponse } from "../contract/alerts";
import { createAlertQueue } from "../alerts/alert-queue";
import type { DattoApi } from "../datto/api/create-datto-api";
import { DattoError } from "../datto/gateway/datto-error";
import { createLiveBus } from "../live/live-bus";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ devices: 120, seed: 5 });

describe("a resolve of unknown outcome sent by a follower (decision 0030)", () => {
  it("is settled when the follower loads a list the leader polled after it was sent", async () => {
    let sent = 0;
    const wrapDatto = (datto: DattoApi): DattoApi => ({
      ...datto,
      async resolveAlert(uid, where) {
        sent += 1;
        await datto.resolveAlert(uid, where);
        throw new DattoError("timeout", "No answer from Datto in time.", { outcomeUnknown: true });
      },
    });
    const t = await testApp({ wrapDatto });
    // The leader: another instance's poller on the same store and the same Datto. This app's
    // queue never polls: it follows, loading what the leader stored.
    const leader = createAlertQueue({
      datto: t.services.datto,
      clock: t.clock,
      logger: t.services.logger,
      store: t.store,
      live: createLiveBus(),
    });
    await leader.tick();
    expect(await t.services.alerts.loadStored()).toBe(true);
    const tech = await t.signIn("technician");
    const target = t.sim.tenant.openAlerts()[0]!;
    const res = await tech.post(`/api/alerts/${target.alertUid}/resolve`);
    expect(((await res.json()) as { result: { status: string } }).result.status).toBe(
      "outcome-unknown",
    );
    const outcome = async () =>
      (await tech.getJson<AlertQueueResponse>("/api/alerts")).alerts.find(
        (a) => a.alertUid === target.alertUid,
      )?.resolveOutcome;
    expect(await outcome()).toBe("unknown");

    await t.clock.advance(60_000);
    await leader.tick();
    expect(await t.services.alerts.loadStored()).toBe(true);
    const resolved = await tech.getJson<AlertQueueResponse>("/api/alerts?state=resolved");
    expect(resolved.alerts.find((a) => a.alertUid === target.alertUid)?.resolution).toMatchObject({
      via: "deck",
      by: "technician",
    });
    expect(sent).toBe(1);
    const settled = await t.store.events.list({ limit: 50 });
    expect(settled.some((e) => e.kind === "alert.resolve_settled")).toBe(true);
  });
});
