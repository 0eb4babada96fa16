/**
 * The core's output cells (OutCell, OutGrid) as ExcelJS values and styles. Used by the
 * in-memory and the streaming writer alike, so both write the same thing.
 */
import type ExcelJS from "exceljs";
import {
  MARK_COLORS,
  STYLE_COLORS,
  type OutCell,
  type OutGrid,
  type OutStyle,
  type OutValue,
  wrappedRowHeight,
} from "../core/annotations";
import { isoToDay } from "../core/days";
import type { Severity } from "../core/vocabulary";
import { applyLayout } from "./sheet-layout";

/** "#F8CBAD" -> "FFF8CBAD" (ExcelJS wants ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });

const HEADER_FILL = STYLE_COLORS.headerFill;
const OK_FILL = STYLE_COLORS.okFill;
const MUTED_FONT = STYLE_COLORS.mutedFont;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function markFill(severity: Severity): ExcelJS.Fill {
  return solid(MARK_COLORS[severity]);
}

function styleOf(style: OutStyle | undefined): Partial<ExcelJS.Style> {
  switch (style) {
    case undefined:
      return {};
    case "title":
      return { font: { bold: true, size: 13 } };
    case "header":
      return {
        font: { bold: true },
        fill: solid(HEADER_FILL),
        border: THIN,
        alignment: { vertical: "middle", wrapText: true },
      };
    case "error":
      return { fill: markFill("error") };
    case "warning":
      return { fill: markFill("warning") };
    case "ok":
      return { fill: solid(OK_FILL) };
    case "muted":
      return { font: { color: { argb: argb(MUTED_FONT) } } };
    case "text":
      return { alignment: { vertical: "top", wrapText: true } };
  }
}

/** A sheet name as a formula reference: always quoted, inner quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * An internal link as a HYPERLINK formula. ExcelJS's own internal hyperlinks are written
 * with an external relationship as well (exceljs issues #749, #3027) and misbehave in
 * Excel; the formula form works in Excel and LibreOffice and keeps the shown text.
 */
export function internalLink(sheet: string, address: string, shown: string): ExcelJS.CellFormulaValue {
  const target = `#${quotedSheet(sheet)}!${address}`;
  const esc = (s: string): string => s.replace(/"/g, '""');
  return { formula: `HYPERLINK("${esc(target)}","${esc(shown)}")`, result: shown };
}

function plainValue(value: OutValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  const day = isoToDay(value.date);
  return day === null ? value.date : new Date(day * 86_400_000);
}

export interface ExcelOut {
  readonly value: ExcelJS.CellValue;
  readonly style: Partial<ExcelJS.Style>;
}

/**
 * Styles are shared, never mutated: ExcelJS recognises a style object it has already
 * registered (a WeakMap in its style manager) and skips serialising it again, which is
 * most of the cost of writing a cell. One object per distinct style.
 */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();

function sharedStyle(
  style: OutStyle | undefined,
  numberFormat: string | undefined,
  link: boolean,
): Partial<ExcelJS.Style> {
  const key = `${style ?? ""}|${numberFormat ?? ""}|${link ? 1 : 0}`;
  let shared = styleCache.get(key);
  if (shared === undefined) {
    const built: Partial<ExcelJS.Style> = { ...styleOf(style) };
    if (numberFormat !== undefined) built.numFmt = numberFormat;
    if (link) built.font = { ...(built.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
    shared = built;
    styleCache.set(key, shared);
  }
  return shared;
}

const markedStyles = new WeakMap<object, Map<Severity, Partial<ExcelJS.Style>>>();

/** The style of a marked cell: its own style with the severity's fill (shared between cells that had the same style). */
export function markedStyle(style: Partial<ExcelJS.Style>, severity: Severity): Partial<ExcelJS.Style> {
  let bySeverity = markedStyles.get(style);
  if (bySeverity === undefined) {
    bySeverity = new Map();
    markedStyles.set(style, bySeverity);
  }
  let marked = bySeverity.get(severity);
  if (marked === undefined) {
    marked = { ...style, fill: markFill(severity) };
    bySeverity.set(severity, marked);
  }
  return marked;
}

export function toExcel(cell: OutCell): ExcelOut {
  const style = sharedStyle(cell.style, cell.numberFormat, cell.link !== undefined);
  if (cell.link !== undefined) {
    const shown = cell.value === null || typeof cell.value === "object" ? cell.link.address : String(cell.value);
    return { value: internalLink(cell.link.sheet, cell.link.address, shown), style };
  }
  return { value: plainValue(cell.value), style };
}

/**
 * Writes a whole grid into an empty worksheet, in memory or streaming (a streaming
 * writer passes `done` to commit each row as soon as it is filled).
 */
export function writeGrid(ws: ExcelJS.Worksheet, grid: OutGrid, done?: (row: ExcelJS.Row) => void): void {
  // A streaming sheet took its layout when it was added (streamGrid).
  if (done === undefined) applyLayout(ws, grid);
  grid.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  grid.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    // ExcelJS cannot fit a row to wrapped text: the core's estimate keeps it from being cut.
    const height = wrappedRowHeight(cells, grid.columnWidths);
    if (height !== undefined) row.height = height;
    cells.forEach((out, c) => {
      const { value, style } = toExcel(out);
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (Object.keys(style).length > 0) cell.style = style;
    });
    done?.(row);
  });
}
