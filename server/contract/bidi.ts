/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) let text
 * from an endpoint reorder what is shown around it: "exe.txt" that reads as "txt.exe", a hostname
 * that swaps its neighbour's columns. Shown text (the SPA, CSV files) drops them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export const withoutBidiControls = (text: string) => text.replace(BIDI_CONTROLS, "");
