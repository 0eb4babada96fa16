/**
 * The core's CellLook (src/core/output.ts), which the command line's copy translates too
 * (src/package/out-cells.ts), in Office's terms: the part the add-in records per cell and
 * restores on Hapus Tanda (fill, bold, font colour, number format: state.ts Look), and the
 * rest (wrap, vertical alignment, border, font size), set on ranges whose formats Hapus Tanda
 * clears whole.
 */
import { type OutStyle } from "../core/annotations";
import { type CellLook, lookOfStyle, markLook as coreMarkLook } from "../core/output";
import type { Severity } from "../core/vocabulary";
import type { Look } from "./state";

/** The recorded part of a core look. */
export function recordedLook(look: CellLook): Look {
  const out: Look = {};
  if (look.fill !== undefined) out.fill = look.fill;
  if (look.bold !== undefined) out.bold = look.bold;
  if (look.fontColor !== undefined) out.fontColor = look.fontColor;
  if (look.numberFormat !== undefined) out.numberFormat = look.numberFormat;
  return out;
}

export function styleLook(style: OutStyle | undefined): Look | null {
  const look = recordedLook(lookOfStyle(style));
  return Object.keys(look).length > 0 ? look : null;
}

export const markLook = (severity: Severity): Look => recordedLook(coreMarkLook(severity));
export const cutoffLook: Look = recordedLook(coreMarkLook("cutoff"));

/** The rest of a core look: what `applyExtras` sets. */
export interface ExtraLook {
  readonly wrap?: boolean;
  readonly verticalAlign?: "top" | "middle";
  readonly border?: boolean;
  readonly fontSize?: number;
}

export function extraLook(look: CellLook): ExtraLook {
  const out: { -readonly [K in keyof ExtraLook]: ExtraLook[K] } = {};
  if (look.wrap !== undefined) out.wrap = look.wrap;
  if (look.verticalAlign !== undefined) out.verticalAlign = look.verticalAlign;
  if (look.border !== undefined) out.border = look.border;
  if (look.fontSize !== undefined) out.fontSize = look.fontSize;
  return out;
}

const extrasKey = (extra: ExtraLook): string =>
  `${String(extra.wrap)}|${String(extra.verticalAlign)}|${String(extra.border)}|${String(extra.fontSize)}`;

/** Runs of cells in a line (a column or a row) that share the same extras, `end` exclusive; runs without any left out. */
export function extraRuns(
  count: number,
  at: (i: number) => ExtraLook,
): { start: number; end: number; extra: ExtraLook }[] {
  const runs: { start: number; end: number; extra: ExtraLook }[] = [];
  if (count === 0) return runs;
  let start = 0;
  let run = at(0);
  let runKey = extrasKey(run);
  for (let i = 1; i <= count; i++) {
    if (i < count) {
      const extra = at(i);
      // The same object (extraOfStyle's) needs no key: a band of CH Jalur is thousands of equal cells.
      if (extra === run || extrasKey(extra) === runKey) continue;
      if (Object.keys(run).length > 0) runs.push({ start, end: i, extra: run });
      start = i;
      run = extra;
      runKey = extrasKey(extra);
    } else if (Object.keys(run).length > 0) runs.push({ start, end: i, extra: run });
  }
  return runs;
}

const EXTRAS = new Map<OutStyle | undefined, ExtraLook>();

/** extraLook of a core style, one object per style. */
export function extraOfStyle(style: OutStyle | undefined): ExtraLook {
  let extra = EXTRAS.get(style);
  if (extra === undefined) {
    extra = Object.freeze(extraLook(lookOfStyle(style)));
    EXTRAS.set(style, extra);
  }
  return extra;
}

/**
 * Sets the extras on a range of `rows` x `columns` cells (all ExcelApi 1.1); a border is a
 * thin line around every cell (inside edges only where the range has them).
 */
export function applyExtras(format: Excel.RangeFormat, extra: ExtraLook, rows: number, columns: number): void {
  if (extra.wrap !== undefined) format.wrapText = extra.wrap;
  if (extra.verticalAlign !== undefined) format.verticalAlignment = extra.verticalAlign === "top" ? "Top" : "Center";
  if (extra.fontSize !== undefined) format.font.size = extra.fontSize;
  if (extra.border !== true) return;
  // Strings, not the Excel.BorderIndex enum: the enums are not there outside Excel (the test host).
  const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
  ];
  if (rows > 1) edges.push("InsideHorizontal");
  if (columns > 1) edges.push("InsideVertical");
  for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
}
