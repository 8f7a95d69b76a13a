import type { DeviceAudit } from "@server/contract/fleet-device";
import { Card } from "@/components/ui/card";
import { formatBytes } from "@/lib/format";
import { MemoryModules } from "./device-hardware";
import { Facts, SimpleTable } from "./facts";
import { UsageBar } from "./usage-bar";

/** An ESXi host's audit: the host, its CPUs and memory, datastores and guests. */
export function EsxiHardware(props: { audit: Extract<DeviceAudit, { kind: "esxihost" }> }) {
  const a = props.audit;
  return (
    <div className="grid gap-4">
      <Card title="Host" level={3}>
        <Facts
          columns={3}
          items={[
            { label: "Name", value: a.systemInfo.name },
            { label: "Manufacturer", value: a.systemInfo.manufacturer },
            { label: "Model", value: a.systemInfo.model },
            { label: "Service tag", value: a.systemInfo.serviceTag },
            { label: "Snapshots", value: a.systemInfo.numberOfSnapshots },
          ]}
        />
      </Card>
      <Card title={`Processors (${a.processors.length})`} level={3}>
        <SimpleTable
          caption="Processors"
          headers={["Name", "Cores", "Frequency (MHz)"]}
          rows={a.processors.map((p) => [p.name, p.numberOfCores, p.frequency])}
          empty="No processors reported."
        />
      </Card>
      <Card title={`Memory modules (${a.physicalMemory.length})`} level={3}>
        <MemoryModules modules={a.physicalMemory} />
      </Card>
      <Card title={`Datastores (${a.datastores.length})`} level={3}>
        <SimpleTable
          caption="Datastores"
          headers={["Datastore", "File system", "Status", "Subscribed", "Usage"]}
          rows={a.datastores.map((d) => [
            d.datastoreName,
            d.fileSystem,
            d.status,
            d.subscriptionPercent === null ? null : `${d.subscriptionPercent}%`,
            <UsageBar
              name={`Datastore ${d.datastoreName ?? ""}`.trim()}
              size={d.size}
              free={d.freeSpace}
            />,
          ])}
          empty="No datastores reported."
        />
      </Card>
      <Card title={`Guests (${a.guests.length})`} level={3}>
        <SimpleTable
          caption="Guests"
          headers={["Guest", "CPU (MHz)", "Memory", "Snapshots", "Datastores"]}
          rows={a.guests.map((g) => [
            g.guestName,
            g.processorSpeedTotal,
            formatBytes(g.memorySizeTotal),
            g.numberOfSnapshots,
            g.datastores,
          ])}
          empty="No guests reported."
        />
      </Card>
    </div>
  );
}

/** A printer's audit: model, page count and supplies. */
export function PrinterHardware(props: { audit: Extract<DeviceAudit, { kind: "printer" }> }) {
  const a = props.audit;
  return (
    <div className="grid gap-4">
      <Card title="Printer" level={3}>
        <Facts
          columns={3}
          items={[
            { label: "Manufacturer", value: a.systemInfo.manufacturer },
            { label: "Model", value: a.systemInfo.model },
            { label: "Pages printed", value: a.printedPageCount?.toLocaleString() },
          ]}
        />
      </Card>
      <Card title={`Supplies (${a.markerSupplies.length})`} level={3}>
        <SimpleTable
          caption="Marker supplies"
          headers={["Supply", "Level", "Capacity"]}
          rows={a.markerSupplies.map((s) => [s.description, s.suppliesLevel, s.maxCapacity])}
          empty="No supplies reported."
        />
      </Card>
    </div>
  );
}
