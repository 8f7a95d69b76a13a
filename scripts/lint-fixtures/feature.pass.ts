// lint-as: src/features/devices/components/device-table.tsx
import type { DeviceRow } from "@server/contract/devices";
import { Button } from "@/components/ui/button";
import { deviceQueries } from "@/entities/device/device-queries";
import { formatDateTime } from "@/lib/format";
import { columns } from "../columns";
import { useDeviceFilters } from "./use-device-filters";

export const parts = { Button, deviceQueries, formatDateTime, columns, useDeviceFilters };
export type Row = DeviceRow;
