// lint-as: src/lib/api-client.ts
// expect: zones/imports
import { useSession } from "@/features/auth/api/fixture-target";

export const session = useSession;
