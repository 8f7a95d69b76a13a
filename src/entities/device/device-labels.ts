import type { BadgeTone } from "@/components/ui/badge";

type Shown = { label: string; tone: BadgeTone };

/**
 * Datto's patch status in words. "RebootRequired" is about patches only; the device's own
 * `rebootRequired` flag (any reason) is "Reboot needed": two names, because they count differently.
 */
const PATCH: Record<string, Shown> = {
  FullyPatched: { label: "Fully patched", tone: "success" },
  ApprovedPending: { label: "Approved pending", tone: "info" },
  RebootRequired: { label: "Patches await reboot", tone: "warning" },
  InstallError: { label: "Install error", tone: "danger" },
  NoPolicy: { label: "No policy", tone: "neutral" },
  NoData: { label: "No data", tone: "neutral" },
};

const ANTIVIRUS: Record<string, Shown> = {
  RunningAndUpToDate: { label: "Up to date", tone: "success" },
  RunningAndNotUpToDate: { label: "Out of date", tone: "warning" },
  NotRunning: { label: "Not running", tone: "danger" },
  NotDetected: { label: "None detected", tone: "danger" },
};

const CLASSES: Record<string, { label: string; noun: string }> = {
  device: { label: "Computer", noun: "computer" },
  printer: { label: "Printer", noun: "printer" },
  esxihost: { label: "ESXi host", noun: "ESXi host" },
  rmmnetworkdevice: { label: "Network device", noun: "network device" },
  unknown: { label: "Unknown", noun: "device" },
};

/** Datto's device class as a label ("esxihost" -> "ESXi host"). */
export function deviceClassLabel(value: string): string {
  return CLASSES[value]?.label ?? value;
}

/** Datto's device class inside a sentence ("no audit for this network device"). */
export function deviceClassNoun(value: string): string {
  return CLASSES[value]?.noun ?? "device";
}

export function patchStatus(value: string): Shown {
  return PATCH[value] ?? { label: value, tone: "neutral" };
}

export function antivirusStatus(value: string): Shown {
  return ANTIVIRUS[value] ?? { label: value, tone: "neutral" };
}

export const patchStatusLabel = (value: string) => patchStatus(value).label;
export const antivirusStatusLabel = (value: string) => antivirusStatus(value).label;

/**
 * An operating system short enough for a table cell: "Microsoft Windows 11 Pro 10.0.22631" ->
 * "Windows 11 Pro". The build stays in the full name (the cell's tooltip and the device page).
 */
export function shortOsName(value: string): string {
  return value
    .replace(/^Microsoft\s+/i, "")
    .replace(/^(Windows\b.*?)\s+\d+\.\d+\.\d+(\.\d+)?$/i, "$1");
}
