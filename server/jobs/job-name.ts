const MAX_JOB_NAME = 200;

/**
 * Datto records the API user as a job's creator (API.md §7): the name carries who asked (and who
 * approved), so the tenant's own logs show the person.
 */
export function jobNameFor(componentName: string, requester: string, approvedBy?: string | null) {
  const who = approvedBy
    ? `requested by ${requester}, approved by ${approvedBy}`
    : `requested by ${requester}`;
  const suffix = ` (${who}, via RMM Deck)`;
  const room = Math.max(20, MAX_JOB_NAME - suffix.length);
  const name = componentName.length > room ? `${componentName.slice(0, room - 1)}…` : componentName;
  return `${name}${suffix}`.slice(0, MAX_JOB_NAME);
}
