import { startSimulatorServer } from "./server/cli/simulator";
const r = await startSimulatorServer({ port: 0, host: "127.0.0.1" }, { devices: 5000, rateLimits: { readsPerMinute: 1e9 } });
const tok = await fetch(`${r.url}/auth/oauth/token`, { method: "POST", headers: { authorization: "Basic " + btoa("public-client:public"), "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=password&username=sim-key&password=sim-secret" });
const { access_token } = await tok.json() as any;
const uids = r.simulator.tenant.listDevices().map(d => d.uid);
for (const [name, p] of [["status", () => "/api/v2/system/status"], ["pagination", () => "/api/v2/system/pagination"], ["device", () => "/api/v2/device/" + uids[Math.floor(Math.random()*5000)]], ["sim-counters", () => "/__sim/counters"]] as const) {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < 1000) { const res = await fetch(r.url + p(), { headers: { authorization: `Bearer ${access_token}` } }); await res.arrayBuffer(); } }));
  console.log(name, Math.round(1000 / ((performance.now() - t0) / 1000)), "req/s");
}
await r.close();
