import type { DeviceAlert } from "@server/contract/alerts";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<DeviceAlert["priority"], BadgeTone> = {
  Critical: "danger",
  High: "warning",
  Moderate: "info",
  Low: "neutral",
  Information: "neutral",
  Unknown: "neutral",
};

export function PriorityBadge(props: { priority: DeviceAlert["priority"] }) {
  return <Badge tone={TONES[props.priority]}>{props.priority}</Badge>;
}
