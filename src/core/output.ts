/**
 * The output contract both writers translate: how a written cell looks, how a sheet is laid
 * out for screen and print, how links and sheet names are spelled, and where computed columns
 * go. Decided once here so the command line's package patcher and the add-in write the same
 * workbook; each writer only maps these plain values onto its own API.
 */
import { MARK_COLORS, type OutStyle, STYLE_COLORS } from "./annotations";
import { columnIndex } from "./cells";
import type { Severity } from "./vocabulary";

/** How one written cell looks. Colours are "#RRGGBB". Absent means "leave as it is". */
export interface CellLook {
  readonly bold?: boolean;
  readonly fill?: string;
  readonly fontColor?: string;
  /** Points. */
  readonly fontSize?: number;
  /** A thin border on all four sides. */
  readonly border?: boolean;
  readonly wrap?: boolean;
  readonly verticalAlign?: "top" | "middle";
  readonly numberFormat?: string;
}

/** The look of each core output style: the one description both writers use. */
export function lookOfStyle(style: OutStyle | undefined): CellLook {
  switch (style) {
    case undefined:
      return {};
    case "title":
      return { bold: true, fontSize: 13 };
    case "header":
      return { bold: true, fill: STYLE_COLORS.headerFill, border: true, wrap: true, verticalAlign: "middle" };
    case "error":
    case "warning":
      return { fill: MARK_COLORS[style] };
    case "ok":
      return { fill: STYLE_COLORS.okFill };
    case "muted":
      return { fontColor: STYLE_COLORS.mutedFont };
    case "text":
      return { wrap: true, verticalAlign: "top" };
  }
}

/** The fill a mark puts on a user's cell (only the fill changes; the rest of the cell's look stays). */
export const markLook = (severity: Severity | "cutoff"): CellLook => ({ fill: MARK_COLORS[severity] });

/** How a report sheet is laid out on screen and on paper. Absent fields mean the writer's default. */
export interface SheetLayout {
  /** Rows kept in view when scrolling (1 = the first row). */
  readonly freezeRows?: number;
  /** An AutoFilter over the header row `filterRow` (1-based) and the rows under it. */
  readonly filterRow?: number;
  readonly landscape?: boolean;
  /** Print the used columns on one page width (pages down as needed). */
  readonly fitToWidth?: boolean;
  /** Fit the whole sheet on one page. */
  readonly fitToPage?: boolean;
  /** Rows printed at the top of every page, 1-based and inclusive. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
}

/** A sheet name as formulas and hyperlinks reference it: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet 1'!B3": the target of an internal link. */
export function linkTarget(sheet: string, address: string): string {
  return `${quotedSheet(sheet)}!${address}`;
}

/** A `HYPERLINK` formula (en-US separators, as formulas are stored) to a cell of this workbook. */
export function hyperlinkFormula(sheet: string, address: string, text: string): string {
  return `HYPERLINK("#${linkTarget(sheet, address).replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`;
}

/** A cell address split into 0-based column and 1-based row ("AB12" → {column: 27, row: 12}); null when not A1. */
export function parseCellA1(address: string): { readonly column: number; readonly row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const row = Number(match[2]);
  return row >= 1 ? { column: columnIndex(match[1].toUpperCase()), row } : null;
}

/**
 * Where computed columns go beside a table: right after it when those columns are free of user
 * content in the rows written, else a conflict naming the occupied columns. Both writers obey it:
 * neither shifts nor overwrites; a conflict is reported and nothing is written for that sheet.
 */
export type ComputedPlacement =
  | { readonly kind: "place"; readonly startColumnIndex: number }
  | { readonly kind: "conflict"; readonly occupiedColumns: readonly number[] };

export function placeComputedColumns(
  startColumnIndex: number,
  width: number,
  /** True when the user has content (a value, formula or note) at this 0-based column in a written row. */
  occupied: (columnIndex: number) => boolean,
  /** True when the column already holds this tool's own computed header (a re-run updates in place). */
  ownColumn: (columnIndex: number) => boolean = () => false,
): ComputedPlacement {
  const occupiedColumns: number[] = [];
  for (let c = startColumnIndex; c < startColumnIndex + width; c++) {
    if (!ownColumn(c) && occupied(c)) occupiedColumns.push(c);
  }
  return occupiedColumns.length === 0 ? { kind: "place", startColumnIndex } : { kind: "conflict", occupiedColumns };
}
