import { beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../lib/clock";
import { createSimulator, type Simulator } from "./create-simulator";

/**
 * A demo that looks fake loses the people it is shown to: no Dell with an Apple CPU, no Mac with
 * drive C:, no hostname in eleven sites. Checked over the biggest tenant we build.
 */
let sim: Simulator;
let devices: ReturnType<Simulator["tenant"]["listDevices"]>;
const platform = (os: string | null) =>
  (os ?? "").startsWith("macOS")
    ? "mac"
    : (os ?? "").startsWith("Ubuntu")
      ? "linux"
      : (os ?? "").startsWith("Microsoft Windows")
        ? "windows"
        : "other";

beforeAll(() => {
  sim = createSimulator({ devices: 50_000, clock: createManualClock() });
  devices = sim.tenant.listDevices();
}, 60_000);

describe("a 50,000-device tenant is coherent", () => {
  it("gives each hostname to one live device; a name repeats only for a re-enrolled, deleted one", () => {
    const sitesByName = new Map<string, Set<string>>();
    const live = new Map<string, number>();
    for (const d of devices) {
      const sites = sitesByName.get(d.hostname) ?? new Set<string>();
      sites.add(d.siteName);
      sitesByName.set(d.hostname, sites);
      if (!d.deleted) live.set(d.hostname, (live.get(d.hostname) ?? 0) + 1);
    }
    const worst = Math.max(...[...sitesByName.values()].map((s) => s.size));
    expect(worst).toBeLessThanOrEqual(2);
    expect([...live.values()].every((n) => n === 1)).toBe(true);
    const repeated = [...sitesByName.values()].filter((s) => s.size > 1);
    expect(repeated.every((s) => s.has("Deleted Devices"))).toBe(true);
    // Rare and deliberate: a handful, not thousands.
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.length).toBeLessThan(devices.length * 0.005);
  });

  it("puts Apple parts in Apple machines only, and every part with its maker", () => {
    const prefixesByMaker = new Map<string, Set<string>>();
    for (const d of devices) {
      const audit = sim.tenant.deviceAudit(d.uid);
      if (!audit) continue;
      const maker = audit.systemInfo.manufacturer;
      const cpu = audit.processors[0]?.name ?? "";
      const apple = maker === "Apple Inc.";
      expect(apple, `${d.hostname} ${d.operatingSystem} on ${maker}`).toBe(
        platform(d.operatingSystem) === "mac",
      );
      if (cpu.startsWith("Apple")) expect(maker, `${d.hostname}: ${cpu}`).toBe("Apple Inc.");
      if (audit.videoBoards[0]?.displayAdapter.startsWith("Apple"))
        expect(maker, d.hostname).toBe("Apple Inc.");
      const prefixes = prefixesByMaker.get(maker) ?? new Set<string>();
      prefixes.add(audit.nics[0]!.macAddress.slice(0, 8));
      prefixesByMaker.set(maker, prefixes);
    }
    const apple = prefixesByMaker.get("Apple Inc.")!;
    for (const [maker, prefixes] of prefixesByMaker) {
      if (maker === "Apple Inc.") continue;
      expect(
        [...prefixes].some((p) => apple.has(p)),
        maker,
      ).toBe(false);
    }
  });

  it("gives drive letters to Windows only, mount points to macOS and Linux", () => {
    for (const d of devices) {
      const audit = sim.tenant.deviceAudit(d.uid);
      if (!audit) continue;
      const ids = audit.logicalDisks.map((disk) => disk.diskIdentifier);
      expect(ids.length, d.hostname).toBeGreaterThan(0);
      const letters = ids.every((id) => /^[A-Z]:$/.test(id));
      const mounts = ids.every((id) => id.startsWith("/"));
      if (platform(d.operatingSystem) === "windows") expect(letters, d.hostname).toBe(true);
      else expect(mounts, `${d.hostname}: ${ids.join(" ")}`).toBe(true);
      const nics = audit.nics.map((n) => n.instance);
      if (platform(d.operatingSystem) === "mac") expect(nics).toEqual(["en0"]);
      if (platform(d.operatingSystem) === "windows")
        expect(
          nics.every((n) => !/^(en|eth|ens|eno)\d/.test(n)),
          nics.join(),
        ).toBe(true);
    }
  });

  it("installs what fits the OS, the maker and the antivirus product", () => {
    // One device in five: software lists are the slowest part to derive.
    for (const d of devices.filter((_, i) => i % 5 === 0)) {
      if (d.deviceClass !== "device") continue;
      const names = sim.tenant.software(d.uid).map((s) => s.name);
      const maker = sim.tenant.deviceAudit(d.uid)!.systemInfo.manufacturer;
      const os = platform(d.operatingSystem);
      const has = (name: string) => names.some((n) => n.startsWith(name));
      expect(names.length, d.hostname).toBeGreaterThanOrEqual(20);
      expect(names.length, d.hostname).toBeLessThanOrEqual(120);
      if (has("Dell ")) expect(maker, d.hostname).toBe("Dell Inc.");
      if (has("HP Support Assistant")) expect(maker, d.hostname).toBe("HP");
      if (has("Lenovo")) expect(maker, d.hostname).toBe("LENOVO");
      if (has("VMware Tools")) expect(maker, d.hostname).toBe("VMware, Inc.");
      if (has("SentinelOne Agent")) expect(d.antivirus.antivirusProduct).toBe("SentinelOne");
      if (has("Sophos Endpoint Agent"))
        expect(d.antivirus.antivirusProduct).toBe("Sophos Intercept X");
      if (os !== "windows") {
        expect(has("Microsoft Visual C++"), d.hostname).toBe(false);
        expect(d.antivirus.antivirusProduct).not.toBe("Windows Defender");
      }
      if (os === "windows") expect(has("Safari") || has("openssh-server")).toBe(false);
      if (d.hostname.includes("-SQL")) expect(has("Microsoft SQL Server 2019")).toBe(true);
    }
  });
});
