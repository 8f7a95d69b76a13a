// lint-as: server/views/udf-names.ts
import { authorize } from "../auth/authorize";
import type { Actor } from "../contract/actor";
import { recordEvent } from "../events/record-event";
import type { Store } from "../store/port/store";

export const parts = { authorize, recordEvent };
export type T = [Actor, Store];
