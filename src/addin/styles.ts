/**
 * How the core's output styles look in Office: colours from the core, shared with the command
 * line's annotated copy (src/package/out-cells.ts), so both give the same workbook.
 */
import { MARK_COLORS, type OutStyle, STYLE_COLORS } from "../core/annotations";
import type { Severity } from "../core/vocabulary";
import type { Look } from "./state";

const HEADER_FILL = STYLE_COLORS.headerFill;
const OK_FILL = STYLE_COLORS.okFill;
const MUTED_FONT = STYLE_COLORS.mutedFont;

export function styleLook(style: OutStyle | undefined): Look | null {
  switch (style) {
    case undefined:
      return null;
    case "title":
      return { bold: true };
    case "header":
      return { bold: true, fill: HEADER_FILL };
    case "error":
    case "warning":
      return { fill: MARK_COLORS[style] };
    case "ok":
      return { fill: OK_FILL };
    case "muted":
      return { fontColor: MUTED_FONT };
    case "text":
      return null; // wrapping is not a Look: out-sheets.ts sets it from lookOfStyle
  }
}

export const markLook = (severity: Severity): Look => ({ fill: MARK_COLORS[severity] });
export const cutoffLook: Look = { fill: MARK_COLORS.cutoff };
