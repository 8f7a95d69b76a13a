import type { Component } from "../contract/components";
import { DeviceQuerySchema, type DeviceRow } from "../contract/devices";
import { MAX_JOB_DEVICES } from "../contract/jobs";
import type { ComponentCatalog } from "../components/component-catalog";
import type { FleetIndex } from "../fleet/fleet-index";
import { refusal } from "../lib/outcome";
import type { JobRequestInput } from "./jobs";

export const listNames = (names: string[]) =>
  names.length <= 3
    ? names.join(", ")
    : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;

/** The component a launch names, by uid or name (exact first), or why none is meant. */
export async function resolveComponent(components: ComponentCatalog, input: JobRequestInput) {
  const wanted = input.componentUid ?? input.componentName ?? input.component ?? "";
  const match = await components.find(wanted);
  if (match.kind === "found") return { ok: true as const, component: match.component };
  const brief = (c: Component) => ({ uid: c.uid, name: c.name });
  if (match.kind === "ambiguous") {
    return refusal(
      "invalid",
      "ambiguous_component",
      `"${wanted}" matches ${match.candidates.length} components: ${listNames(match.candidates.map((c) => c.name))}. Name one exactly.`,
      { candidates: match.candidates.map(brief) },
    );
  }
  const hint =
    match.suggestions.length > 0
      ? ` Did you mean ${listNames(match.suggestions.map((c) => `"${c.name}"`))}?`
      : "";
  return refusal("not-found", "unknown_component", `No component is called "${wanted}".${hint}`, {
    suggestions: match.suggestions.map(brief),
  });
}

/**
 * The devices a launch names, by uid or as a device browser selection whose count must still hold,
 * each able to run a component; or why not.
 */
export async function resolveDevices(fleet: FleetIndex, input: JobRequestInput) {
  const snapshot = fleet.snapshot();
  let devices: DeviceRow[];
  if (input.target) {
    const parsed = DeviceQuerySchema.safeParse(
      Object.fromEntries(new URLSearchParams(input.target.query)),
    );
    if (!parsed.success) {
      return refusal("invalid", "invalid_target", "target.query is not a device query.");
    }
    if (parsed.data.filterId !== undefined) {
      return refusal(
        "invalid",
        "invalid_target",
        "A selection inside a Datto saved filter cannot be launched on: pick the devices, or select them with RMM Deck's own filters.",
      );
    }
    const { offset: _o, limit: _l, ...query } = parsed.data;
    const result = await fleet.queryDevices(query, { unlimited: true });
    if (result.total !== input.target.count) {
      return refusal(
        "conflict",
        "selection_changed",
        `The selection now holds ${result.total} devices, not the ${input.target.count} you confirmed. Check the preview again.`,
        { count: result.total },
      );
    }
    devices = result.rows;
  } else {
    const uids = [...new Set(input.deviceUids ?? [])];
    const unknown = uids.filter((uid) => !snapshot.deviceIndex.has(uid));
    if (unknown.length > 0) {
      return refusal(
        "not-found",
        "unknown_device",
        `No device ${listNames(unknown)} in the fleet: it may be deleted or not synced yet.`,
        { deviceUids: unknown },
      );
    }
    devices = uids.map((uid) => snapshot.devices[snapshot.deviceIndex.get(uid)!]!);
  }
  if (devices.length === 0) {
    return refusal("invalid", "no_devices", "The selection holds no devices.");
  }
  if (devices.length > MAX_JOB_DEVICES) {
    return refusal(
      "invalid",
      "too_many_devices",
      `A run can target at most ${MAX_JOB_DEVICES} devices; this one has ${devices.length}.`,
    );
  }
  const bad = devices.flatMap((d) => {
    if (snapshot.siteRowIndex.get(d.siteUid)?.isDeletedDevices)
      return [{ deviceUid: d.uid, hostname: d.hostname, reason: "is deleted" }];
    if (d.deviceClass !== "device")
      return [
        {
          deviceUid: d.uid,
          hostname: d.hostname,
          reason: `is a ${d.deviceClass}, which cannot run components`,
        },
      ];
    return [];
  });
  if (bad.length > 0) {
    return refusal(
      "invalid",
      "device_not_runnable",
      `Cannot run a component on ${bad
        .map((b) => `${b.hostname} (${b.reason})`)
        .slice(0, 3)
        .join(
          ", ",
        )}${bad.length > 3 ? ` and ${bad.length - 3} more` : ""}. Remove ${bad.length === 1 ? "it" : "them"} and try again.`,
      { devices: bad },
    );
  }
  return { ok: true as const, devices };
}
