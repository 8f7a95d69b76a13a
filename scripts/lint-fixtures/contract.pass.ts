// lint-as: server/contract/devices.ts
import { z } from "zod";
import { FreshnessSchema } from "./freshness";

export const parts = { z, FreshnessSchema };
