import { WALL_LAYOUTS } from "../../contract/wall";
import { objectBody } from "./fuzz-bodies";
import { field, oneOf, text, type Sample } from "./fuzz-fields";
import { orKnown } from "./fuzz-ids";
import type { Surface } from "./surface";

/** Wall tokens and the wall summary, as the fuzz sends them. */

/** Seconds per panel: a whole JSON number from 5 to 600. */
const rotateSeconds = field({ wrong: ["20", true, null, [], {}] }, (f) =>
  f.pick<Sample>([
    { value: f.int(5, 600), verdict: "valid" },
    { value: 5, verdict: "valid" },
    { value: 600, verdict: "valid" },
    { value: 4, verdict: "invalid" },
    { value: 601, verdict: "invalid" },
    { value: 20.5, verdict: "invalid" },
    { value: -1, verdict: "invalid" },
    { value: 1e308, verdict: "invalid" },
  ]),
);

const ok =
  (...statuses: number[]) =>
  () =>
    statuses;

export function wallSurfaces(): Record<string, Surface> {
  /** Wall token ids the fuzz created and has not revoked. */
  const walls = new Map<string, string>();
  return {
    "GET /api/wall-tokens": { answers: ok(200) },
    "POST /api/wall-tokens": {
      body: objectBody({
        name: text({ min: 1, max: 100, trim: true, required: true }),
        layout: oneOf(WALL_LAYOUTS),
        rotateSeconds,
      }),
      answers: ok(201),
      after({ status, body }) {
        if (status === 201) walls.set((body as { wall: { id: string } }).wall.id, "known");
      },
    },
    "DELETE /api/wall-tokens/:id": {
      params: { id: orKnown(text({ min: 1, max: 100 }), walls) },
      answers: (tags) => (tags.id === "known" ? [204] : [404]),
      after({ status, values }) {
        if (status === 204) walls.delete(String(values.id));
      },
    },
    "GET /api/wall/summary": { answers: ok(200) },
  };
}
