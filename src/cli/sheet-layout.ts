/**
 * The core's sheet layout (src/core/output.ts) on an ExcelJS worksheet: frozen header, filter,
 * and the print set-up (orientation, fit to width or page, header rows on every page). Must run
 * before the sheet's first row is written, as the streaming writer fixes the sheet's views then.
 */
import type ExcelJS from "exceljs";
import { columnLetter } from "../core/cells";
import type { OutGrid } from "../core/annotations";

export function applyLayout(ws: ExcelJS.Worksheet, grid: OutGrid): void {
  const layout = grid.layout;
  if (layout === undefined) return;
  const width = Math.max(1, ...grid.rows.map((r) => r.length));
  if (layout.freezeRows !== undefined && layout.freezeRows > 0)
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: layout.freezeRows, topLeftCell: `A${layout.freezeRows + 1}` }];
  if (layout.filterRow !== undefined)
    ws.autoFilter = {
      from: { row: layout.filterRow, column: 1 },
      to: { row: Math.max(layout.filterRow, grid.rows.length), column: width },
    };
  const fit = layout.fitToPage === true || layout.fitToWidth === true;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.landscape === true ? "landscape" : "portrait",
    paperSize: 9, // A4, the paper of Indonesian offices
    ...(fit ? { fitToPage: true, fitToWidth: 1, fitToHeight: layout.fitToPage === true ? 1 : 0 } : {}),
    ...(layout.repeatRows !== undefined
      ? { printTitlesRow: `${layout.repeatRows.first}:${layout.repeatRows.last}` }
      : {}),
    printArea: `A1:${columnLetter(width - 1)}${Math.max(1, grid.rows.length)}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}
