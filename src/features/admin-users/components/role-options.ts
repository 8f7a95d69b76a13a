import { ROLES } from "@server/contract/roles";
import type { SelectOption } from "@/components/ui/select";

export const ROLE_OPTIONS: readonly SelectOption[] = ROLES.map((role) => ({
  value: role,
  label: role[0]!.toUpperCase() + role.slice(1),
}));
