// lint-as: src/entities/device/device-row.tsx
import type { DeviceRow } from "@server/contract/devices";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { siteQueries } from "../site/site-queries";

export const parts = { Badge, cn, siteQueries };
export type Row = DeviceRow;
