import type { BenchRow } from "./table";
import { median } from "./table";
import { createTestApp } from "../server/testing/create-test-app";

/**
 * The alert queue's cost and speed on the server. Ten minutes pass on a manual clock with the one
 * open-alert poller running and viewers polling the queue every 15 s: Datto reads per minute at
 * 100, 1,000 and 5,000 open alerts, and at 5,000 with 1 and 25 viewers (it must not grow with
 * them). Then the queue's answer times at 5,000 open alerts: the whole list, a filter, a sort.
 */
const MINUTES = 10;
const POLL_MS = 15_000;
const OPEN_LIST = "GET /v2/account/alerts/open";

async function readsPerMinute(openAlerts: number, viewers: number) {
  const t = await createTestApp({ devices: 2_000, openAlerts, syncFleet: false });
  try {
    const clients = [];
    const passwordHash = (await t.store.users.findByUsername("viewer"))!.passwordHash;
    for (let i = 0; i < viewers; i++) {
      await t.store.users.create({ username: `viewer-${i}`, role: "viewer", passwordHash });
      clients.push(await t.signIn(`viewer-${i}`, "demo"));
    }
    t.sim.control.resetCounters();
    await t.services.alerts.start();
    for (let elapsed = 0; elapsed < MINUTES * 60_000; elapsed += POLL_MS) {
      await Promise.all(clients.map((c) => c.getJson("/api/alerts?priority=Critical,High")));
      await t.clock.advance(POLL_MS);
      // A poll that woke up runs to its end before the clock moves again, as in real time.
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      await t.services.alerts.settled();
    }
    await t.services.alerts.stop();
    const counters = t.sim.control.counters();
    return {
      total: counters.reads / MINUTES,
      openList: (counters.byRoute[OPEN_LIST] ?? 0) / MINUTES,
    };
  } finally {
    await t.close();
  }
}

async function answerTimes() {
  const t = await createTestApp({ devices: 20_000, openAlerts: 5_000, syncFleet: false });
  try {
    await t.services.alerts.tick();
    const viewer = await t.signIn("viewer");
    const time = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const started = performance.now();
        const res = await viewer.request(path);
        await res.arrayBuffer();
        times.push(performance.now() - started);
      }
      return median(times);
    };
    return {
      all: await time("/api/alerts"),
      filter: await time("/api/alerts?q=spooler&priority=Critical,High,Moderate"),
      sort: await time("/api/alerts?sort=device&dir=desc"),
      count: (await viewer.getJson<{ total: number }>("/api/alerts")).total,
    };
  } finally {
    await t.close();
  }
}

export async function benchAlerts(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [100, 1_000, 5_000]) {
    const r = await readsPerMinute(n, 10);
    rows.push({
      name: `alert poller: Datto reads/min at ${n.toLocaleString("en")} open alerts (10 viewers)`,
      value: r.total,
      unit: "reads/min",
      note: `${r.openList.toFixed(1)} of them open-alert pages`,
    });
  }
  const one = await readsPerMinute(5_000, 1);
  const many = await readsPerMinute(5_000, 25);
  rows.push({
    name: "alert poller at 5,000 open alerts: reads/min with 1 / 25 viewers",
    value: many.total,
    unit: "reads/min",
    note: `1 viewer: ${one.total.toFixed(1)}; must not grow with viewers`,
  });
  const times = await answerTimes();
  rows.push(
    {
      name: `GET /api/alerts, ${times.count.toLocaleString("en")} open alerts, whole list (median)`,
      value: times.all,
      unit: "ms",
    },
    {
      name: "GET /api/alerts at 5,000: text + priority filter (median)",
      value: times.filter,
      unit: "ms",
    },
    { name: "GET /api/alerts at 5,000: sorted by device (median)", value: times.sort, unit: "ms" },
  );
  return rows;
}
