import type { AccessLevel } from "@server/contract/agents";

export const LEVEL_OPTIONS: ReadonlyArray<{ value: AccessLevel; label: string }> = [
  { value: "disabled", label: "Disabled" },
  { value: "read-only", label: "Read Only" },
  { value: "read-write", label: "Read / Write" },
];
