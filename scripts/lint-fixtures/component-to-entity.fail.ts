// lint-as: src/components/data-table/data-table.tsx
// expect: zones/imports
import { deviceQueries } from "../../entities/device/device-queries";

export const queries = deviceQueries;
