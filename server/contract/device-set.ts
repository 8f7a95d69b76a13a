import { z } from "zod";

/**
 * A set of devices as query params, so a selection can narrow any device query (list, count, CSV
 * export, and later a job's targets): `uids` keeps only the listed devices, `exceptUids` drops
 * them, `within` keeps only devices that also match another query. The lists travel in the query
 * string: these caps keep the longest URL (a view, a selection and a page's uids) well under the
 * 16 KB a Node server accepts for a request's head.
 */
export const MAX_PICKED_DEVICES = 200;
export const MAX_EXCEPTED_DEVICES = 100;

/** A Datto uid as our routes accept it (server/routes/route-params.ts): no dots, slashes or commas. */
const DeviceUidSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "That is not a device uid.");

/** Comma-separated uids in a URL, an array once parsed (and parsed again, unchanged). */
export const uidListParam = (name: string, max: number) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").filter((uid) => uid !== "") : v),
      z
        .array(DeviceUidSchema, { error: `${name} must be a comma-separated list of device uids.` })
        .max(max, `${name} can list at most ${max} devices.`),
    )
    .optional();
