import type { DeviceAudit } from "@server/contract/device-audit";
import { Card } from "@/components/ui/card";
import { Meter } from "@/components/ui/meter";
import { formatBytes } from "@/lib/format";
import { MemoryModules } from "./device-hardware";
import { Facts, SimpleTable } from "./facts";
import { UsageBar } from "./usage-bar";

const MB = 1024 * 1024;

/** ESXi reports CPU frequency in GHz (2.9 for a 2.90 GHz Xeon); MHz if a value is that large. */
function frequencyText(value: number | null): string | null {
  if (value === null) return null;
  return value >= 100 ? `${value} MHz` : `${value} GHz`;
}

/**
 * A printer supply as "40 of 100" with a bar of what is left. SNMP uses negative levels for
 * "unknown" and "some remaining", so only a real level over a real capacity becomes a bar.
 */
function SupplyLevel(props: { name: string | null; level: string | null; max: string | null }) {
  const level = Number(props.level);
  const max = Number(props.max);
  if (props.level === null || !Number.isFinite(level) || level < 0 || !(max > 0)) {
    return <span>{props.level ?? "—"}</span>;
  }
  const percent = Math.round((Math.min(level, max) / max) * 100);
  const tone = percent <= 10 ? "danger" : percent <= 25 ? "warning" : "ok";
  return (
    <div className="min-w-40 space-y-1">
      <Meter
        value={level}
        max={max}
        tone={tone}
        label={`${props.name ?? "Supply"} level`}
        valueText={`${percent}% left`}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">{percent}% left</p>
    </div>
  );
}

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
          headers={["Name", "Cores", "Frequency"]}
          rows={a.processors.map((p) => [p.name, p.numberOfCores, frequencyText(p.frequency)])}
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
            // Guest memory comes in MB (4096 for a 4 GB guest).
            g.memorySizeTotal === null ? null : formatBytes(g.memorySizeTotal * MB),
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
          headers={["Supply", "Level", "Capacity", "Left"]}
          rows={a.markerSupplies.map((s) => [
            s.description,
            s.suppliesLevel,
            s.maxCapacity,
            <SupplyLevel name={s.description} level={s.suppliesLevel} max={s.maxCapacity} />,
          ])}
          empty="No supplies reported."
        />
      </Card>
    </div>
  );
}
