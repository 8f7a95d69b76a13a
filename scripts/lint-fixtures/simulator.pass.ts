// lint-as: server/datto/simulator/tenant.ts
import { z } from "zod";
import type { Clock } from "../../lib/clock";
import { DattoDeviceSchema } from "../schemas/device";
import { createPrng } from "./prng";

export const parts = { z, DattoDeviceSchema, createPrng };
export type C = Clock;
