// lint-as: server/datto/simulator/routes-devices.ts
// expect: zones/imports
import { DattoError } from "../gateway/datto-error";

export const error = DattoError;
