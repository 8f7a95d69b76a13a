import { afterEach, describe, expect, it } from "vitest";
import { parseSimulatorFlags, startSimulatorServer, type RunningSimulator } from "./simulator";

describe("simulator CLI flags", () => {
  it("defaults to 127.0.0.1:4010 with Datto's shape of tenant", () => {
    expect(parseSimulatorFlags([], {})).toEqual({
      port: 4010,
      host: "127.0.0.1",
      seed: 1,
      devices: 400,
      scenario: "normal",
      key: "sim-key",
      secret: "sim-secret",
      tokenLifetime: 360_000,
      jobDates: "iso",
    });
  });

  it("fixes the number of open alerts with --open-alerts or SIM_OPEN_ALERTS", () => {
    expect(parseSimulatorFlags(["--open-alerts", "5000"], {}).openAlerts).toBe(5000);
    expect(parseSimulatorFlags([], { SIM_OPEN_ALERTS: "100" }).openAlerts).toBe(100);
    expect(parseSimulatorFlags([], {}).openAlerts).toBeUndefined();
    expect(() => parseSimulatorFlags(["--open-alerts", "-1"], {})).toThrow(/--open-alerts/);
  });

  it("sends job dates as epoch ms with --job-dates epoch-ms or SIM_JOB_DATES", () => {
    expect(parseSimulatorFlags(["--job-dates", "epoch-ms"], {}).jobDates).toBe("epoch-ms");
    expect(parseSimulatorFlags([], { SIM_JOB_DATES: "epoch-ms" }).jobDates).toBe("epoch-ms");
    expect(() => parseSimulatorFlags(["--job-dates=seconds"], {})).toThrow(/--job-dates/);
  });

  it("takes a token lifetime in seconds, as a flag or SIM_TOKEN_LIFETIME_S", () => {
    expect(parseSimulatorFlags(["--token-lifetime", "30"], {}).tokenLifetime).toBe(30);
    expect(parseSimulatorFlags([], { SIM_TOKEN_LIFETIME_S: "45" }).tokenLifetime).toBe(45);
    expect(() => parseSimulatorFlags(["--token-lifetime", "0"], {})).toThrow(/token/i);
  });

  it("takes SIM_* variables and lets flags win", () => {
    const flags = parseSimulatorFlags(["--port", "5000", "--scenario=flaky"], {
      SIM_PORT: "4999",
      SIM_DEVICES: "50",
      SIM_API_KEY: "k",
    });
    expect(flags).toMatchObject({ port: 5000, devices: 50, scenario: "flaky", key: "k" });
  });

  it("refuses non-loopback hosts, unknown flags and unknown scenarios", () => {
    expect(() => parseSimulatorFlags(["--host", "0.0.0.0"], {})).toThrow(/loopback/);
    expect(() => parseSimulatorFlags(["--verbose"], {})).toThrow(/Unknown argument/);
    expect(() => parseSimulatorFlags(["--scenario", "chaos"], {})).toThrow(/scenario/);
  });
});

describe("standalone simulator server", () => {
  let running: RunningSimulator | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function token(url: string): Promise<string> {
    const res = await fetch(`${url}/auth/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa("public-client:public")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=password&username=sim-key&password=sim-secret",
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it("serves Datto's API over loopback with page URLs on its own origin", async () => {
    running = await startSimulatorServer({ port: 0, host: "127.0.0.1" }, { devices: 600 });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { authorization: `Bearer ${await token(running.url)}` };
    const res = await fetch(`${running.url}/api/v2/account/devices`, { headers });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { pageDetails: { nextPageUrl: string } };
    expect(page.pageDetails.nextPageUrl).toBe(
      `${running.url}/api/v2/account/devices?max=250&page=1`,
    );
    const counters = await (await fetch(`${running.url}/__sim/counters`)).json();
    expect(counters).toMatchObject({ tokenRequests: 1, reads: 1 });
  });

  it("drops connections for real in the flaky scenario", async () => {
    running = await startSimulatorServer(
      { port: 0, host: "127.0.0.1" },
      { devices: 20, scenario: "flaky" },
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      try {
        outcomes.push(String((await fetch(`${running.url}/api/v2/system/status`)).status));
      } catch (err) {
        outcomes.push(err instanceof TypeError ? "dropped" : "other");
      }
    }
    expect(outcomes).toContain("dropped");
    expect(outcomes).toContain("200");
    expect(outcomes).not.toContain("other");
  });
});
