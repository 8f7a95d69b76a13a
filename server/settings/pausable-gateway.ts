import { DattoError } from "../datto/gateway/datto-error";
import type { DattoGateway } from "../datto/gateway/types";

export const WRITES_PAUSED_MESSAGE =
  "Writes to Datto are paused by an admin (the kill switch in Settings); nothing was sent. Try again once writes are resumed.";

/** The kill switch's refusal: never sent, so safe to try again once writes resume. */
export const isWritesPaused = (error: unknown) =>
  error instanceof DattoError && error.notSent && error.message === WRITES_PAUSED_MESSAGE;

/**
 * The global kill switch where every write to Datto passes: the one gateway. Whoever writes (a
 * person's resolve, a job launch, an approved proposal), the switch is read from the store right
 * before the request is sent, so it holds across processes and for writes already approved.
 */
export function pausableGateway(
  gateway: DattoGateway,
  writesPaused: () => Promise<boolean>,
): DattoGateway {
  return {
    ...gateway,
    async write(request) {
      if (await writesPaused()) {
        throw new DattoError("conflict", WRITES_PAUSED_MESSAGE, { notSent: true, status: 423 });
      }
      return gateway.write(request);
    },
  };
}
