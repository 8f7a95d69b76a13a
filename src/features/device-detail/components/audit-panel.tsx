import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { DeviceAudit } from "@server/contract/device-audit";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageSpinner } from "@/components/ui/spinner";
import { deviceClassNoun } from "@/entities/device/device-labels";
import { deviceAuditQueries } from "../api/queries";
import { DeviceHardware } from "./device-hardware";
import { EsxiHardware, PrinterHardware } from "./other-hardware";

/** Loads the audit once for the hardware and network tabs. */
export function AuditPanel(props: { uid: string; children: (audit: DeviceAudit) => ReactNode }) {
  const audit = useQuery(deviceAuditQueries.audit(props.uid));
  if (audit.isPending) return <PageSpinner label="Loading the audit…" />;
  if (audit.isError) {
    return (
      <ErrorState
        title="The audit could not be loaded"
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  return <>{props.children(audit.data)}</>;
}

/** A class Datto cannot audit gets a clear message, not an error. */
export function UnsupportedAudit(props: { audit: Extract<DeviceAudit, { kind: "unsupported" }> }) {
  const name = deviceClassNoun(props.audit.deviceClass);
  return <EmptyState title={`No audit for this ${name}`}>{props.audit.message}</EmptyState>;
}

export function HardwareTab(props: { audit: DeviceAudit }) {
  const { audit } = props;
  switch (audit.kind) {
    case "device":
      return <DeviceHardware audit={audit} />;
    case "esxihost":
      return <EsxiHardware audit={audit} />;
    case "printer":
      return <PrinterHardware audit={audit} />;
    case "unsupported":
      return <UnsupportedAudit audit={audit} />;
  }
}
