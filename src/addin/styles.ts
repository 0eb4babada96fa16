/**
 * How the core's output styles look in Office: the core decides (src/core/output.ts lookOfStyle,
 * which the command line's patcher also translates); the add-in writes fill, bold and font
 * colour, the properties it records and restores on Hapus Tanda; out-sheets.ts wraps report
 * cells from lookOfStyle too (font size and borders are the command line's only).
 */
import { MARK_COLORS, type OutStyle } from "../core/annotations";
import { lookOfStyle } from "../core/output";
import type { Severity } from "../core/vocabulary";
import type { Look } from "./state";

/** The core's look of an output style (lookOfStyle), in the properties the add-in writes and can restore. */
export function styleLook(style: OutStyle | undefined): Look | null {
  const look = lookOfStyle(style);
  const out: Look = {};
  if (look.fill !== undefined) out.fill = look.fill;
  if (look.bold !== undefined) out.bold = look.bold;
  if (look.fontColor !== undefined) out.fontColor = look.fontColor;
  return Object.keys(out).length > 0 ? out : null;
}

export const markLook = (severity: Severity): Look => ({ fill: MARK_COLORS[severity] });
export const cutoffLook: Look = { fill: MARK_COLORS.cutoff };
