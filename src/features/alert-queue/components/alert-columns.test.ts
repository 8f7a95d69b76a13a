import { describe, expect, it } from "vitest";
import { createAlertColumns } from "./alert-columns";

const widths = (gridWidth: number | null) =>
  Object.fromEntries(createAlertColumns(false, true, gridWidth).map((c) => [c.id, c.size]));
const total = (gridWidth: number | null) =>
  createAlertColumns(false, true, gridWidth).reduce((sum, c) => sum + (c.size ?? 0), 0);

describe("the queue's column widths", () => {
  it("gives 'What happened' the room a wide grid has, so the row spans the grid", () => {
    expect(total(1900)).toBe(1900);
    expect(widths(1900).summary).toBeGreaterThan(600);
    expect(widths(1900).priority).toBe(widths(null).priority);
  });

  it("keeps 'What happened' at its minimum in a narrow or unmeasured grid (the grid scrolls)", () => {
    expect(widths(null).summary).toBe(600);
    expect(widths(700).summary).toBe(600);
  });
});
