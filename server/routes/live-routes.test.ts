import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../contract/live";
import { testAppsClosedAfterEach } from "../testing/test-apps";

const testApp = testAppsClosedAfterEach({ syncFleet: false });

/** Reads a server-sent-event stream chunk by chunk, as a browser's EventSource would. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  return {
    /** Reads until the text so far contains `needle` (or the stream ends). */
    async until(needle: string): Promise<string> {
      while (!text.includes(needle)) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    },
    text: () => text,
    cancel: () => reader.cancel(),
  };
}

const event = (topic: LiveEvent["topic"], id: string): LiveEvent => ({
  topic,
  kind: "changed",
  id,
  at: 0,
});

describe("GET /api/live", () => {
  it("streams the hints a person may hear, and keeps the others to those who may", async () => {
    const t = await testApp();
    const viewer = await t.signIn("viewer");
    const approver = await t.signIn("approver");
    const viewerRes = await viewer.request("/api/live");
    const approverRes = await approver.request("/api/live");
    expect(viewerRes.status).toBe(200);
    expect(viewerRes.headers.get("content-type")).toContain("text/event-stream");
    const v = sseReader(viewerRes.body!);
    const a = sseReader(approverRes.body!);
    await v.until("event: ready");
    await a.until("event: ready");

    t.services.live.publish(event("proposals", "p-1"));
    t.services.live.publish(event("alerts", "alert-1"));
    const seen = await v.until("alert-1");
    expect(seen).toContain("event: alerts");
    expect(seen).not.toContain("p-1"); // a viewer cannot decide proposals
    expect(await a.until("alert-1")).toContain("p-1");
    await v.cancel();
    await a.cancel();
  });

  it("sends a heartbeat while idle and ends when its time is up", async () => {
    const t = await testApp();
    const viewer = await t.signIn("viewer");
    const res = await viewer.request("/api/live?seconds=60");
    const stream = sseReader(res.body!);
    await stream.until("event: ready");
    await t.clock.advance(25_000);
    expect(await stream.until(": ping")).toContain(": ping");
    await t.clock.advance(40_000);
    await stream.until("never there"); // reads to the end: the stream has closed
    expect(t.services.live.listeners()).toBe(0);
  });

  it("limits one person's open streams and frees a slot when a tab goes away", async () => {
    const t = await testApp();
    const viewer = await t.signIn("viewer");
    const open = [];
    for (let i = 0; i < 8; i++) {
      const res = await viewer.request("/api/live");
      expect(res.status).toBe(200);
      const stream = sseReader(res.body!);
      await stream.until("event: ready");
      open.push(stream);
    }
    const ninth = await viewer.request("/api/live");
    expect(ninth.status).toBe(429);
    expect(((await ninth.json()) as { error: { message: string } }).error.message).toContain(
      "8 tabs",
    );
    await open.pop()!.cancel();
    await t.settle(new Promise((resolve) => setTimeout(resolve, 10)));
    const again = await viewer.request("/api/live");
    expect(again.status).toBe(200);
    for (const stream of open) await stream.cancel();
    await again.body!.cancel();
  });
});
