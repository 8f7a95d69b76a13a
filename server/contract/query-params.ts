import { z } from "zod";

/** Helpers for query-string schemas: every field optional, strings coerced, "" meaning "no filter". */

/** Empty URL params ("?q=") mean "no filter". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional()).optional();

export const booleanParam = (v: unknown) => (v === "true" ? true : v === "false" ? false : v);

export const daysParam = (name: string) =>
  optionalParam(
    z.coerce
      .number({ error: `${name} must be a number of days.` })
      .int(`${name} must be a whole number of days.`)
      .min(0, `${name} cannot be negative.`)
      .max(36500, `${name} is too large.`),
  );
