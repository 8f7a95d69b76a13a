// lint-as: server/auth/session-manager.ts
// expect: zones/imports
import { apiError } from "../middleware/errors";

export const error = apiError;
