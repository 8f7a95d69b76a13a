import type { DeviceAudit } from "@server/contract/device-audit";
import { endpointText } from "@/lib/endpoint-text";
import { UnsupportedAudit } from "./audit-panel";
import { SimpleTable } from "./facts";

/** Network interfaces from the audit (every audited class has them). */
export function NetworkTab(props: { audit: DeviceAudit }) {
  const { audit } = props;
  if (audit.kind === "unsupported") return <UnsupportedAudit audit={audit} />;
  const withSpeed = audit.kind === "esxihost";
  return (
    <SimpleTable
      caption="Network interfaces"
      headers={[
        "Interface",
        "Type",
        "IPv4",
        "IPv6",
        "MAC address",
        ...(withSpeed ? ["Speed"] : []),
      ]}
      rows={audit.nics.map((n) => [
        n.name,
        n.type,
        n.ipv4,
        n.ipv6,
        <span className="font-mono">{endpointText(n.macAddress)}</span>,
        ...(withSpeed ? [n.speed] : []),
      ])}
      empty="The audit lists no network interfaces."
    />
  );
}
