/**
 * The in-memory ExcelJS reader: loads the whole workbook (kept, so the annotated copy
 * can be written from it with every original cell intact) and turns each worksheet
 * into the core's SheetGrid.
 */
import ExcelJS from "exceljs";
import { type Cell, type CellRow, columnIndex, type MergeArea, type SheetGrid } from "../core/cells";
import { isOwnSheetName } from "../core/engine";
import { cellFromExcel } from "./excel-cell";

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** One grid per worksheet checked, in workbook order. */
  readonly grids: readonly SheetGrid[];
}

export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The worksheets that hold data: not the sheets Cek Honorer wrote on an earlier run. */
export function dataWorksheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return workbook.worksheets.filter((ws) => !isOwnSheetName(ws.name));
}

/** Reads a workbook and all its data sheets as grids (the CLI converts one sheet at a time instead). */
export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  const workbook = await readWorkbookFile(path);
  return { workbook, grids: dataWorksheets(workbook).map((ws) => worksheetToGrid(ws)) };
}

/** Rows 1..last as CellRows (rows[0] is Excel row 1); missing rows are empty arrays. */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet, onRow?: () => void): SheetGrid {
  const rows: CellRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      while (cells.length < column - 1) cells.push(null);
      cells.push(cellFromExcel(cell));
    });
    rows.push(cells);
    onRow?.();
  });
  return { name: worksheet.name, rows, firstRow: 1, merges: mergesOf(worksheet) };
}

/** ExcelJS keeps merges as "A1:L1" strings in the worksheet model. */
export function mergesOf(worksheet: ExcelJS.Worksheet): MergeArea[] {
  const model = worksheet.model as { merges?: readonly string[] };
  const out: MergeArea[] = [];
  for (const range of model.merges ?? []) {
    const area = parseRange(range);
    if (area !== null) out.push(area);
  }
  return out;
}

export function parseRange(range: string): MergeArea | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const col = (letters: string): number => columnIndex(letters) + 1;
  const top = Number(m[2]);
  const left = col(m[1]);
  const bottom = m[4] !== undefined ? Number(m[4]) : top;
  const right = m[3] !== undefined ? col(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
