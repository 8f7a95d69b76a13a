import type { DeviceAudit } from "@server/contract/device-audit";
import { Card } from "@/components/ui/card";
import { formatBytes } from "@/lib/format";
import { Facts, SimpleTable } from "./facts";
import { UsageBar } from "./usage-bar";

type HardwareAudit = Extract<DeviceAudit, { kind: "device" }>;

export function MemoryModules(props: { modules: HardwareAudit["physicalMemory"] }) {
  return (
    <SimpleTable
      caption="Memory modules"
      headers={["Module", "Bank", "Size", "Type", "Speed", "Part number", "Serial"]}
      rows={props.modules.map((m) => [
        m.module,
        m.bank,
        formatBytes(m.size),
        m.type,
        m.speed,
        m.partNumber,
        m.serialNumber,
      ])}
      empty="No memory modules reported."
    />
  );
}

/** A computer's hardware audit: system, BIOS, board, CPUs, memory, disks, displays, video. */
export function DeviceHardware(props: { audit: HardwareAudit }) {
  const a = props.audit;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="System" level={3}>
        <Facts
          columns={2}
          items={[
            { label: "Manufacturer", value: a.systemInfo.manufacturer },
            { label: "Model", value: a.systemInfo.model },
            { label: "Memory", value: formatBytes(a.systemInfo.totalPhysicalMemory) },
            { label: "CPU cores", value: a.systemInfo.totalCpuCores },
            { label: "User", value: a.systemInfo.username },
            { label: ".NET", value: a.systemInfo.dotNetVersion },
          ]}
        />
      </Card>
      <Card title="BIOS and board" level={3}>
        <Facts
          columns={2}
          items={[
            { label: "BIOS", value: a.bios.instance },
            { label: "BIOS release", value: a.bios.releaseDate?.slice(0, 10) },
            { label: "Serial number", value: a.bios.serialNumber },
            { label: "SMBIOS", value: a.bios.smBiosVersion },
            { label: "Board maker", value: a.baseBoard.manufacturer },
            { label: "Board", value: a.baseBoard.product },
          ]}
        />
      </Card>
      <Card title={`Processors (${a.processors.length})`} level={3}>
        <SimpleTable
          caption="Processors"
          headers={["Name"]}
          rows={a.processors.map((p) => [p.name])}
          empty="No processors reported."
        />
      </Card>
      <Card title={`Displays and video (${a.displays.length})`} level={3}>
        <SimpleTable
          caption="Displays"
          headers={["Display", "Resolution"]}
          rows={a.displays.map((d) => [
            d.instance,
            d.screenWidth && d.screenHeight ? `${d.screenWidth} × ${d.screenHeight}` : null,
          ])}
          empty="No displays reported."
        />
        <div className="mt-3">
          <SimpleTable
            caption="Video adapters"
            headers={["Video adapter"]}
            rows={a.videoBoards.map((v) => [v.displayAdapter])}
            empty="No video adapters reported."
          />
        </div>
      </Card>
      <Card
        title={`Memory modules (${a.physicalMemory.length})`}
        level={3}
        className="lg:col-span-2"
      >
        <MemoryModules modules={a.physicalMemory} />
      </Card>
      <Card title={`Disks (${a.logicalDisks.length})`} level={3} className="lg:col-span-2">
        <SimpleTable
          caption="Logical disks"
          headers={["Disk", "Description", "Usage"]}
          rows={a.logicalDisks.map((d) => [
            d.diskIdentifier,
            d.description,
            <UsageBar name={`Disk ${d.diskIdentifier ?? ""}`.trim()} size={d.size} free={d.free} />,
          ])}
          empty="No disks reported."
        />
      </Card>
    </div>
  );
}
