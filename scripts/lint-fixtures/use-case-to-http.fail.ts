// lint-as: server/users/user-admin.ts
// expect: zones/imports
import { apiError } from "../middleware/errors";

export const error = apiError;
