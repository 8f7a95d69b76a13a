import { z } from "zod";
import { AlertStateSchema } from "../contract/alerts";
import { optionalParam } from "../contract/query-params";

/**
 * A Datto uid in a path (`/api/devices/:uid`). Datto's uids are UUIDs; anything with dots,
 * slashes or other punctuation is refused before it can be spliced into a Datto path.
 */
export const UidParamSchema = z.object({
  uid: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
      "That is not a Datto uid (letters, digits and dashes).",
    ),
});

/** `?state=open|resolved` on the alert lists of a device or a site (blank: open). */
export const AlertQuerySchema = z.object({ state: optionalParam(AlertStateSchema) });
