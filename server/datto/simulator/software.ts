import { intBetween, mulberry32, pick } from "./prng";
import type { DeviceRec } from "./tenant-types";

/** Software lists are rebuilt from the device seed: 20 to 120 {name, version} per agent device. */
type Entry = readonly [string, readonly string[]];

const WINDOWS_ALWAYS: Entry[] = [
  ["Datto RMM", ["4.4.2213.2213"]],
  ["Microsoft Edge", ["131.0.2903.70", "130.0.2849.80"]],
  ["Microsoft Edge WebView2 Runtime", ["131.0.2903.70"]],
  ["Microsoft Update Health Tools", ["5.72.0.0"]],
];

const WINDOWS_APPS: Entry[] = [
  ["Google Chrome", ["131.0.6778.86", "130.0.6723.117"]],
  ["Mozilla Firefox (x64 en-US)", ["133.0", "132.0.2"]],
  ["Microsoft 365 Apps for business - en-us", ["16.0.18129.20158", "16.0.17928.20216"]],
  ["Microsoft Teams", ["24295.605.3225.8804"]],
  ["Microsoft OneDrive", ["24.216.1027.0001"]],
  ["Adobe Acrobat Reader (64-bit)", ["24.004.20243", "24.003.20180"]],
  ["7-Zip 24.08 (x64)", ["24.08"]],
  ["Notepad++ (64-bit x64)", ["8.7.1"]],
  ["VLC media player", ["3.0.21"]],
  ["Zoom Workplace (64-bit)", ["6.2.11.5069"]],
  ["Cisco Secure Client - AnyConnect VPN", ["5.1.6.103"]],
  ["FortiClient VPN", ["7.2.4.0972"]],
  ["Java 8 Update 431 (64-bit)", ["8.0.4310.10"]],
  ["Python 3.12.7 (64-bit)", ["3.12.7150.0"]],
  ["Git", ["2.47.0"]],
  ["Visual Studio Code", ["1.95.3"]],
  ["Slack (Machine - MSI)", ["4.41.97"]],
  ["TeamViewer", ["15.59.5"]],
  ["Splashtop Streamer", ["3.7.2.0"]],
  ["Dell Command | Update", ["5.4.0"]],
  ["HP Support Assistant", ["9.36.27.0"]],
  ["Lenovo Vantage Service", ["4.0.56.0"]],
  ["Intel(R) Management Engine Components", ["2406.5.5.0"]],
  ["Realtek Audio Driver", ["6.0.9549.1"]],
  ["NVIDIA Graphics Driver 552.22", ["552.22"]],
  ["Sophos Endpoint Agent", ["2023.2.2.1"]],
  ["SentinelOne Agent", ["23.4.4.223"]],
  ["Datto AV", ["3.3.0.12"]],
  ["Datto Endpoint Backup", ["3.1.12.0"]],
  ["QuickBooks Desktop Pro 2024", ["34.0.4003.3404"]],
  ["Sage 50 Accounting", ["31.1.0.1"]],
  ["AutoCAD LT 2025", ["25.0.58.0"]],
  ["Bluebeam Revu 21", ["21.3.0"]],
  ["Dentrix G7", ["7.6.1.4"]],
  ["Clio for Windows", ["2.4.0"]],
  ["Greenshot", ["1.2.10.6"]],
  ["PuTTY release 0.81 (64-bit)", ["0.81.0.0"]],
  ["WinSCP 6.3.5", ["6.3.5"]],
  ["KeePass Password Safe 2.57", ["2.57"]],
  ["Microsoft Power BI Desktop (x64)", ["2.137.1102.0"]],
  ["Microsoft SQL Server Management Studio - 20.2", ["20.2.30.0"]],
  ["Windows PC Health Check", ["3.7.2204.15001"]],
  ["Microsoft Visual Studio 2022 Build Tools", ["17.11.5"]],
  ["Citrix Workspace 2409", ["24.9.0.133"]],
  ["Webex", ["44.10.1.31028"]],
];

const GENERATED: Entry[] = [
  ...["2008", "2010", "2012", "2013", "2015-2022"].flatMap((year) =>
    (["x86", "x64"] as const).map((arch): Entry => [
      `Microsoft Visual C++ ${year} Redistributable (${arch})`,
      [`${year === "2015-2022" ? "14.42.34433" : "11.0.61030"}`],
    ]),
  ),
  ...["6.0.36", "8.0.11", "9.0.0"].flatMap((v): Entry[] => [
    [`Microsoft .NET Runtime - ${v} (x64)`, [v]],
    [`Microsoft ASP.NET Core ${v} Shared Framework (x64)`, [v]],
    [`Microsoft Windows Desktop Runtime - ${v} (x64)`, [v]],
  ]),
  ...Array.from({ length: 40 }, (_, i): Entry => [
    `Security Update for Microsoft Office (KB${5002500 + i * 37})`,
    ["16.0.1"],
  ]),
  ...Array.from({ length: 12 }, (_, i): Entry => [
    `Line-of-business app ${String.fromCharCode(65 + i)}`,
    [`${1 + (i % 4)}.${i}.0`],
  ]),
];

const MAC_APPS: Entry[] = [
  ["Safari", ["18.1"]],
  ["Google Chrome", ["131.0.6778.86"]],
  ["Microsoft Word", ["16.91"]],
  ["Microsoft Excel", ["16.91"]],
  ["Microsoft Outlook", ["16.91"]],
  ["Microsoft Teams", ["24295.606.3238.6194"]],
  ["Slack", ["4.41.97"]],
  ["Zoom", ["6.2.11"]],
  ["1Password", ["8.10.48"]],
  ["Datto RMM", ["4.4.2213"]],
  ["Xcode", ["16.1"]],
  ["Keynote", ["14.2"]],
  ["Pages", ["14.2"]],
  ["Numbers", ["14.2"]],
  ["iMovie", ["10.4.2"]],
  ["GarageBand", ["10.4.11"]],
  ["Adobe Acrobat Reader", ["24.004.20243"]],
  ["Visual Studio Code", ["1.95.3"]],
  ["Docker Desktop", ["4.35.1"]],
  ["Firefox", ["133.0"]],
  ["Spotify", ["1.2.50"]],
  ["Rectangle", ["0.84"]],
  ["iTerm2", ["3.5.10"]],
  ["Homebrew", ["4.4.6"]],
  ["Microsoft OneDrive", ["24.211.1020"]],
];

const LINUX_PKGS: Entry[] = [
  "openssh-server",
  "nginx",
  "postgresql-16",
  "docker-ce",
  "python3",
  "curl",
  "git",
  "htop",
  "rsync",
  "ufw",
  "fail2ban",
  "unattended-upgrades",
  "cron",
  "systemd",
  "bash",
  "coreutils",
  "openssl",
  "vim",
  "tmux",
  "net-tools",
  "iproute2",
  "sudo",
  "apt",
  "snapd",
  "cloud-init",
  "lvm2",
  "xfsprogs",
  "zfsutils-linux",
  "datto-rmm-agent",
].map((name, i): Entry => [name, [`${1 + (i % 5)}.${i % 13}.${i % 7}-1ubuntu${1 + (i % 3)}`]]);

export function softwareOf(device: DeviceRec): Array<{ name: string; version: string }> {
  if (device.deviceClass !== "device") return [];
  const rng = mulberry32(device.seed ^ 0x9e3779b9);
  const windows = device.os.startsWith("Microsoft");
  const always = windows ? WINDOWS_ALWAYS : [];
  const pool = windows
    ? [...WINDOWS_APPS, ...GENERATED]
    : device.kind === "mac"
      ? MAC_APPS
      : LINUX_PKGS;
  const wanted = Math.min(pool.length + always.length, intBetween(rng, 20, 120));
  const chosen = new Set<number>();
  while (chosen.size < wanted - always.length) chosen.add(Math.floor(rng() * pool.length));
  return [...always, ...[...chosen].sort((a, b) => a - b).map((i) => pool[i]!)]
    .map(([name, versions]) => ({ name, version: pick(rng, versions) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
