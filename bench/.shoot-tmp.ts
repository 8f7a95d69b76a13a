import { chromium } from "playwright-core";
const base = "http://127.0.0.1:4391";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on("console", (m) => { if (m.type() === "error") console.log("console error:", m.text()); });
await page.goto(`${base}/login`);
await page.getByLabel("Username").fill("admin");
await page.getByLabel("Password").fill("demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForTimeout(1500);
for (const [name, url] of process.argv.slice(2).map((a) => a.split("="))) {
  await page.goto(base + decodeURIComponent(url!));
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
}
await browser.close();
