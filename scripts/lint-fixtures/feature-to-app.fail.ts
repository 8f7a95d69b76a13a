// lint-as: src/features/devices/components/device-list.tsx
// expect: zones/imports
import { router } from "@/app/router";

export const appRouter = router;
