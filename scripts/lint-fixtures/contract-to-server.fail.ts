// lint-as: server/contract/devices.ts
// expect: zones/imports
import { systemClock } from "../lib/clock";

export const clock = systemClock;
