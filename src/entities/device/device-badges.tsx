import { Badge } from "@/components/ui/badge";
import { antivirusStatus, patchStatus } from "./device-labels";

const Blank = () => <span className="text-slate-500">—</span>;

export function PatchStatusBadge(props: { value: string | null }) {
  if (props.value === null) return <Blank />;
  const { label, tone } = patchStatus(props.value);
  return <Badge tone={tone}>{label}</Badge>;
}

export function AntivirusStatusBadge(props: { value: string | null }) {
  if (props.value === null) return <Blank />;
  const { label, tone } = antivirusStatus(props.value);
  return <Badge tone={tone}>{label}</Badge>;
}

export function OnlineBadge(props: { online: boolean }) {
  return (
    <Badge tone={props.online ? "success" : "neutral"}>{props.online ? "Online" : "Offline"}</Badge>
  );
}
