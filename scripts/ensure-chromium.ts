import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Flags for Debian's Chromium headless in a container with no network but loopback: without the
 * background-networking ones it keeps trying (and failing) to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Playwright cannot download its own browsers here: the e2e suite drives Debian's Chromium.
 * Installs it when missing and we are root; otherwise says what to do.
 */
export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
}

export function ensureChromium(): string {
  const existing = findChromium();
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new Error(
      "Chromium is not installed. Install Debian's package (sudo apt-get install -y chromium) " +
        "or set CHROMIUM_PATH to a Chromium binary, then run the tests again.",
    );
  }
  console.info("Installing Debian's chromium package for the e2e suite...");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = findChromium();
  if (!installed)
    throw new Error("apt-get installed chromium but no chromium binary was found on PATH.");
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.info(ensureChromium());
}
