import type { AlertClaim } from "@server/contract/alerts";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { useCan, useCurrentUser } from "@/lib/session";
import { useReleaseAlert } from "./alert-mutations";

/** Who is on the alert, and claim / release / resolve for technicians and up. */
export function AlertActions(props: {
  alertUid: string;
  claim: AlertClaim | null;
  resolved: boolean;
  onClaim: () => void;
  onResolve: () => void;
}) {
  const canClaim = useCan("alerts:claim");
  const canResolve = useCan("alerts:resolve");
  const me = useCurrentUser();
  const release = useReleaseAlert();
  const mine = props.claim !== null && props.claim.byId === me.id;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        {props.claim ? (
          <>
            Claimed by <span className="font-medium">{endpointText(props.claim.by)}</span>
            {props.claim.note ? <> — “{endpointText(props.claim.note)}”</> : null}
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">Nobody has claimed it.</span>
        )}
      </p>
      {(canClaim || canResolve) && !props.resolved && (
        <div className="flex flex-wrap gap-2">
          {canClaim && (!props.claim || mine) && (
            <Button size="sm" onClick={props.onClaim}>
              {mine ? "Edit note" : "Claim (c)"}
            </Button>
          )}
          {canClaim && props.claim && (
            <Button
              size="sm"
              variant="ghost"
              isPending={release.isPending}
              onClick={() => release.mutate(props.alertUid)}
            >
              {mine ? "Release" : `Release ${endpointText(props.claim.by)}'s claim`}
            </Button>
          )}
          {canResolve && (
            <Button size="sm" variant="danger" onClick={props.onResolve}>
              Resolve… (r)
            </Button>
          )}
        </div>
      )}
      {release.error && <p className="text-sm text-red-700">{errorMessage(release.error)}</p>}
    </div>
  );
}
