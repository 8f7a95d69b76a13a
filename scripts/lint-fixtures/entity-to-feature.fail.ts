// lint-as: src/entities/device/device-row.tsx
// expect: zones/imports
import { DevicePage } from "@/features/device-detail/components/device-page";

export const page = DevicePage;
