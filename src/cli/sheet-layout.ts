/**
 * The core's sheet layout (src/core/output.ts) as ExcelJS worksheet options: frozen header,
 * filter, and the print set-up (orientation, fit to width or page, header rows on every page).
 * The in-memory writer sets them on the sheet; the streaming writer takes them when the sheet
 * is added (its views are fixed from then on).
 */
import type ExcelJS from "exceljs";
import { columnLetter } from "../core/cells";
import type { OutGrid } from "../core/annotations";

export interface SheetOptions {
  views?: Partial<ExcelJS.WorksheetView>[];
  pageSetup?: Partial<ExcelJS.PageSetup>;
  autoFilter?: ExcelJS.AutoFilter;
}

export function sheetOptions(grid: OutGrid): SheetOptions {
  const layout = grid.layout;
  if (layout === undefined) return {};
  const width = Math.max(1, ...grid.rows.map((r) => r.length));
  const out: SheetOptions = {};
  if (layout.freezeRows !== undefined && layout.freezeRows > 0)
    out.views = [{ state: "frozen", xSplit: 0, ySplit: layout.freezeRows, topLeftCell: `A${layout.freezeRows + 1}` }];
  if (layout.filterRow !== undefined)
    out.autoFilter = {
      from: { row: layout.filterRow, column: 1 },
      to: { row: Math.max(layout.filterRow, grid.rows.length), column: width },
    };
  const fit = layout.fitToPage === true || layout.fitToWidth === true;
  out.pageSetup = {
    orientation: layout.landscape === true ? "landscape" : "portrait",
    paperSize: 9, // A4, the paper of Indonesian offices
    ...(fit ? { fitToPage: true, fitToWidth: 1, fitToHeight: layout.fitToPage === true ? 1 : 0 } : {}),
    ...(layout.repeatRows !== undefined
      ? { printTitlesRow: `${layout.repeatRows.first}:${layout.repeatRows.last}` }
      : {}),
    printArea: `A1:${columnLetter(width - 1)}${Math.max(1, grid.rows.length)}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return out;
}

/** Sets the layout on a sheet of an in-memory workbook. */
export function applyLayout(ws: ExcelJS.Worksheet, grid: OutGrid): void {
  const options = sheetOptions(grid);
  if (options.views !== undefined) ws.views = options.views as ExcelJS.WorksheetView[];
  if (options.autoFilter !== undefined) ws.autoFilter = options.autoFilter;
  if (options.pageSetup !== undefined) ws.pageSetup = { ...ws.pageSetup, ...options.pageSetup };
}
