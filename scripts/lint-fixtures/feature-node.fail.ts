// lint-as: src/features/devices/api/export.ts
// expect: no-restricted-imports
import { readFileSync } from "node:fs";

export const read = readFileSync;
