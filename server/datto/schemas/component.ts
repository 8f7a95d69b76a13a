import { z } from "zod";
import { flexibleNumber, nullableBoolean, nullableString } from "./common";

export const DattoComponentVariableSchema = z.looseObject({
  name: z.string(),
  type: nullableString,
  defaultVal: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  description: nullableString,
  /** true = output variable (API.md §6). */
  direction: nullableBoolean,
  variablesIdx: flexibleNumber,
});
export type DattoComponentVariable = z.infer<typeof DattoComponentVariableSchema>;

/** Items of GET /v2/account/components. The id field is `uid`, not `componentUid`. */
export const DattoComponentSchema = z.looseObject({
  id: flexibleNumber,
  uid: z.string(),
  name: nullableString,
  description: nullableString,
  categoryCode: nullableString,
  credentialsRequired: nullableBoolean,
  variables: z.array(DattoComponentVariableSchema).nullish(),
});
export type DattoComponent = z.infer<typeof DattoComponentSchema>;
