/**
 * Writes the check's results into a workbook loaded in memory, for the annotated copy:
 * the computed columns beside each personnel table, a fill and a note on each faulty
 * cell, and the report, summary and JP tally sheets. Original cells are never touched
 * except for the fill and note of a marked cell.
 */
import type ExcelJS from "exceljs";
import {
  COMPUTED_COLUMN_COUNT,
  COMPUTED_COLUMN_WIDTHS,
  type ComputedColumns,
  type CellMark,
  cellMarks,
  computedColumns,
  reportGrid,
  summaryGrid,
  tallyGrid,
  wrappedRowHeight,
} from "../core/annotations";
import { isComputedHeader, isOwnSheetName } from "../core/engine";
import { opdNameFromTitles } from "../core/opd-name";
import { localStamp } from "../core/setting-dates";
import { pathsGrid } from "../core/paths-sheet";
import type { WorkbookResult } from "../core/results";
import type { Lang } from "../core/vocabulary";
import { markedStyle, toExcel, writeGrid } from "./out-cells";

/** Width of a computed column that has none yet. */
const COMPUTED_WIDTH = 18;

export function annotateWorkbook(workbook: ExcelJS.Workbook, result: WorkbookResult, lang: Lang): void {
  // A re-run replaces the sheets of the previous run instead of adding "CH Laporan (2)".
  for (const ws of [...workbook.worksheets]) if (isOwnSheetName(ws.name)) workbook.removeWorksheet(ws.id);

  for (const sheet of result.sheets) {
    const columns = computedColumns(sheet, lang);
    const ws = workbook.getWorksheet(sheet.name);
    if (columns === null || ws === undefined) continue;
    writeComputedColumns(ws, columns, sheet.headerTopRow ?? columns.headerRow);
  }

  for (const mark of cellMarks(result, lang)) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (ws !== undefined) markCell(ws.getCell(mark.address), mark);
  }

  const context = { opdName: opdNameFromTitles(titleLines(workbook, result)), checkedAt: localStamp(new Date()) };
  for (const grid of [
    reportGrid([result], lang),
    summaryGrid([result], lang, context),
    tallyGrid([result], lang),
    pathsGrid([result], lang),
  ]) {
    writeGrid(workbook.addWorksheet(grid.sheetName), grid);
  }
}

/** The texts of the rows above each personnel table (its title rows), for the office's name. */
function titleLines(workbook: ExcelJS.Workbook, result: WorkbookResult): string[] {
  const lines: string[] = [];
  for (const sheet of result.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    if (sheet.kind !== "personnel" || ws === undefined) continue;
    for (let r = 1; r < (sheet.headerTopRow ?? 1); r++) {
      const texts: string[] = [];
      ws.getRow(r).eachCell((c) => {
        // A merged title repeats its text in every cell it covers: take it once.
        if (typeof c.value === "string" && !(c.isMerged && c.master !== c)) texts.push(c.value);
      });
      lines.push(texts.join(" "));
    }
  }
  return lines;
}

/**
 * The first column from which the computed columns can be written without covering a
 * user's cell: the place the core proposes, moved right past any column that holds
 * something in the table's rows, unless it is a computed column of a previous run.
 */
export function freeStartColumn(ws: ExcelJS.Worksheet, columns: ComputedColumns, topRow: number): number {
  const lastRow = columns.rows.reduce((max, r) => Math.max(max, r.row), columns.headerRow);
  const isFree = (index: number): boolean => {
    const header = ws.getCell(columns.headerRow, index + 1);
    if (header.type !== 0 && typeof header.value === "string" && isComputedHeader(header.value)) return true;
    for (let r = topRow; r <= lastRow; r++) {
      const cell = ws.findCell(r, index + 1);
      if (cell !== undefined && cell.type !== 0) return false;
    }
    return true;
  };
  let start = columns.startColumnIndex;
  for (let k = 0; k < COMPUTED_COLUMN_COUNT; k++) {
    if (!isFree(start + k)) {
      start = start + k + 1;
      k = -1;
    }
  }
  return start;
}

function writeComputedColumns(ws: ExcelJS.Worksheet, columns: ComputedColumns, topRow: number): void {
  const start = freeStartColumn(ws, columns, topRow);
  const widths: number[] = [];
  columns.headers.forEach((header, k) => {
    const column = ws.getColumn(start + k + 1);
    if (column.width === undefined) column.width = COMPUTED_COLUMN_WIDTHS[k] ?? COMPUTED_WIDTH;
    widths.push(column.width ?? COMPUTED_WIDTH);
    setOut(ws.getCell(columns.headerRow, start + k + 1), toExcel(header));
  });
  // The headers wrap (header style): the header row grows to show them whole, never shrinks.
  const needed = wrappedRowHeight(columns.headers, widths);
  const headerRow = ws.getRow(columns.headerRow);
  if (needed !== undefined && (headerRow.height ?? 15) < needed) headerRow.height = needed;
  for (const { row, cells } of columns.rows) {
    cells.forEach((out, k) => setOut(ws.getCell(row, start + k + 1), toExcel(out)));
  }
}

function setOut(cell: ExcelJS.Cell, out: ReturnType<typeof toExcel>): void {
  cell.value = out.value;
  // Replaced, never mutated: style objects are shared between cells.
  cell.style = out.style;
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (note === undefined || note === null) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

export function markCell(cell: ExcelJS.Cell, mark: CellMark): void {
  // Replace the style object rather than mutate it: it is shared with other cells.
  cell.style = markedStyle(cell.style, mark.severity);
  const existing = noteText(cell.note);
  cell.note = existing === "" ? mark.note : `${existing}\n\n${mark.note}`;
}
