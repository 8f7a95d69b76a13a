import type { DeviceDetail } from "@server/contract/devices";
import { Card } from "@/components/ui/card";
import { OpenAlertsBadge } from "@/entities/alert/alert-counts";
import { DeviceAge } from "@/entities/device/device-age";
import {
  AntivirusStatusBadge,
  OnlineBadge,
  PatchStatusBadge,
} from "@/entities/device/device-badges";
import { endpointText } from "@/lib/endpoint-text";
import { useNow } from "@/lib/use-now";
import { Facts } from "./facts";

function warrantyText(date: string | null, now: number): string | null {
  if (!date) return null;
  const end = Date.parse(`${date}T23:59:59Z`);
  if (Number.isNaN(end)) return date;
  return end < now ? `${date} (expired)` : date;
}

function patchDetail(d: DeviceDetail): string | null {
  const { approvedPending, notApproved, installed } = d.patches;
  const parts = [
    approvedPending !== null && `${approvedPending} approved pending`,
    notApproved !== null && `${notApproved} not approved`,
    installed !== null && `${installed} installed`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** What the machine is and how it is doing, at a glance. */
export function DeviceSummary(props: { device: DeviceDetail }) {
  const d = props.device;
  const now = useNow();
  return (
    <Card title="Summary">
      <Facts
        columns={4}
        items={[
          { label: "Status", value: <OnlineBadge online={d.online} /> },
          { label: "Operating system", value: d.operatingSystem },
          { label: "Internal IP", value: d.intIpAddress },
          { label: "External IP", value: d.extIpAddress },
          { label: "Last user", value: d.lastLoggedInUser },
          {
            label: "Last seen",
            value: <DeviceAge value={d.lastSeen} now={now} kind="lastSeen" />,
          },
          {
            label: "Last reboot",
            value: <DeviceAge value={d.lastReboot} now={now} kind="lastReboot" />,
          },
          {
            label: "Last audit",
            value: <DeviceAge value={d.lastAuditDate} now={now} kind="lastAuditDate" />,
          },
          {
            label: "Antivirus",
            value: (
              <span className="flex flex-wrap items-center gap-2">
                <AntivirusStatusBadge value={d.antivirusStatus} />
                {endpointText(d.antivirusProduct)}
              </span>
            ),
          },
          {
            label: "Patches",
            value: (
              <span className="flex flex-wrap items-center gap-2">
                <PatchStatusBadge value={d.patchStatus} />
                <span className="text-slate-600 dark:text-slate-400">{patchDetail(d)}</span>
              </span>
            ),
          },
          { label: "Reboot needed", value: d.rebootRequired ? "Yes" : "No" },
          { label: "Warranty", value: warrantyText(d.warrantyDate, now) },
          {
            label: "Device type",
            value: [d.deviceType.category, d.deviceType.type].filter(Boolean).join(" / "),
          },
          { label: "Domain", value: d.domain },
          // cagVersion is the Datto agent's; displayVersion is the OS release (e.g. Windows "23H2").
          { label: "Agent version", value: d.cagVersion },
          { label: "OS release", value: d.displayVersion },
          { label: "Open alerts", value: <OpenAlertsBadge counts={d.openAlerts} /> },
          {
            label: "Description",
            // Technicians write descriptions over several lines in Datto; keep their breaks.
            value: d.description && (
              <span className="whitespace-pre-line">{endpointText(d.description)}</span>
            ),
          },
        ]}
      />
      <h3 className="mt-5 mb-2 text-sm font-semibold">User-defined fields</h3>
      {d.udfFields.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No user-defined fields are set.
        </p>
      ) : (
        <Facts
          columns={4}
          items={d.udfFields.map((f) => ({
            label: f.label ? `${f.label} (UDF ${f.index})` : `UDF ${f.index}`,
            value: f.value,
          }))}
        />
      )}
    </Card>
  );
}
