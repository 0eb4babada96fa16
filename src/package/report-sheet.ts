/**
 * A report sheet (a grid of src/core/annotations.ts, or an OutSheet that makes its rows as
 * they are written: CH Jalur and CH Laporan at full height) as a new worksheet part, with the
 * layout the output contract gives: frozen rows, an AutoFilter, landscape and fit-to-page
 * printing. Print titles are a defined name (see patch.ts). The XML goes out in pieces of
 * about 64 KB: never the whole sheet as one string.
 */
import { type OutCell, type OutGrid, wrappedRowHeight } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { type OutSheet, rowCountOf, sheetWidth } from "../core/out-sheet";
import { cellXml } from "./out-cells";
import type { StyleBook } from "./styles-patch";

export interface Namespaces {
  readonly main: string;
  readonly rel: string;
}

/** Characters of XML pushed at a time. */
const PIECE = 64 * 1024;

/** Streams the sheet's XML in pieces (a report can hold a row per problem, CH Jalur one per person). */
export async function writeReportSheet(
  grid: OutGrid | OutSheet,
  styles: StyleBook,
  date1904: boolean,
  ns: Namespaces,
  push: (text: string) => Promise<void>,
): Promise<void> {
  const layout = grid.layout ?? {};
  const width = sheetWidth(grid);
  const lastRow = Math.max(1, rowCountOf(grid));
  const fit = layout.fitToWidth === true || layout.fitToPage === true;
  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`;
  if (fit) head += `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  head += `<dimension ref="A1:${columnLetter(width - 1)}${lastRow}"/>`;
  const freeze = layout.freezeRows ?? 0;
  head +=
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  head += `<sheetFormatPr defaultRowHeight="15"/>`;
  if (grid.columnWidths.length > 0)
    head += `<cols>${grid.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
  head += "<sheetData>";
  await push(head);
  let buffer = "";
  let r = 0;
  for (const row of grid.rows) {
    r++;
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell: OutCell | undefined = row[c];
      if (cell !== undefined) cells += cellXml(r, c, cell, styles, date1904);
    }
    if (cells === "") continue;
    // Wrapped text gets the height it needs, so nothing is cut on screen or paper.
    const height = wrappedRowHeight(row, grid.columnWidths);
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    buffer += `<row r="${r}"${ht}>${cells}</row>`;
    if (buffer.length >= PIECE) {
      await push(buffer);
      buffer = "";
    }
  }
  let tail = `${buffer}</sheetData>`;
  if (layout.filterRow !== undefined) tail += `<autoFilter ref="${filterRef(grid)}"/>`;
  tail += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  if (layout.landscape === true || fit) {
    const orientation = layout.landscape === true ? ' orientation="landscape"' : "";
    const fitting =
      layout.fitToPage === true
        ? ' fitToWidth="1" fitToHeight="1"'
        : layout.fitToWidth === true
          ? ' fitToWidth="1" fitToHeight="0"'
          : "";
    tail += `<pageSetup${orientation}${fitting}/>`;
  }
  await push(`${tail}</worksheet>`);
}

/** The AutoFilter range: the header row and every row under it, across the grid's width. */
export function filterRef(grid: OutGrid | OutSheet): string {
  const row = grid.layout?.filterRow ?? 1;
  return `A${row}:${columnLetter(sheetWidth(grid) - 1)}${Math.max(row, rowCountOf(grid))}`;
}
