/**
 * A report sheet (a grid of src/core/annotations.ts, or an OutSheet that makes its rows as
 * they are written: CH Jalur and CH Laporan at full height) as a new worksheet part, with the
 * layout the output contract gives: frozen rows, an AutoFilter, landscape and fit-to-page
 * printing. Print titles are a defined name (see patch.ts). The XML goes out in pieces of
 * about a megabyte: never the whole sheet at once.
 */
import { type OutCell, type OutGrid, wrappedRowHeight } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { type OutSheet, rowCountOf, sheetWidth } from "../core/out-sheet";
import { cellTailOut, lettersOf } from "./out-cells";
import type { StyleBook } from "./styles-patch";
import { UTF8, Utf8Out } from "./utf8-out";

export interface Namespaces {
  readonly main: string;
  readonly rel: string;
}

/** Bytes of XML pushed at a time. */
const PIECE = 1 << 20;

const ROW_OPEN = UTF8.encode('<row r="');
const QUOTE_CLOSE = UTF8.encode('">');
const ROW_CLOSE = UTF8.encode("</row>");
/** `<c r="` and a column's letters as UTF-8, by 0-based column. */
const cellRefOpens: Uint8Array[] = [];
const cellRefOpen = (col: number): Uint8Array => (cellRefOpens[col] ??= UTF8.encode(`<c r="${lettersOf(col)}`));

/** Streams the sheet's XML in pieces (a report can hold a row per problem, CH Jalur one per person). */
export async function writeReportSheet(
  grid: OutGrid | OutSheet,
  styles: StyleBook,
  date1904: boolean,
  ns: Namespaces,
  push: (data: string | Uint8Array) => Promise<void>,
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
  const out = new Utf8Out();
  out.write(head);
  // Each cell's XML after its reference, for the row being written (reused across rows).
  const tails: (Uint8Array | string)[] = [];
  let r = 0;
  for (const row of grid.rows) {
    r++;
    let any = false;
    for (let c = 0; c < row.length; c++) {
      const cell: OutCell | undefined = row[c];
      const tail = cell !== undefined ? cellTailOut(cell, styles, date1904) : "";
      tails[c] = tail;
      if (tail.length > 0) any = true;
    }
    if (!any) continue;
    // Wrapped text gets the height it needs, so nothing is cut on screen or paper.
    const height = wrappedRowHeight(row, grid.columnWidths);
    // Written as bytes where rows repeat themselves (tags, references, the texts of paths and
    // units): a sheet of a million rows is not first made as strings, then encoded.
    out.copy(ROW_OPEN);
    out.digits(r);
    if (height !== undefined) out.write(`" ht="${height}" customHeight="1">`);
    else out.copy(QUOTE_CLOSE);
    for (let c = 0; c < row.length; c++) {
      const tail = tails[c] as Uint8Array | string;
      if (tail.length === 0) continue;
      out.copy(cellRefOpen(c));
      out.digits(r);
      if (typeof tail === "string") out.write(tail);
      else out.copy(tail);
    }
    out.copy(ROW_CLOSE);
    if (out.size >= PIECE) for (const piece of out.take()) await push(piece);
  }
  let tail = "</sheetData>";
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
  out.write(`${tail}</worksheet>`);
  for (const piece of out.take()) await push(piece);
}

/** The AutoFilter range: the header row and every row under it, across the grid's width. */
export function filterRef(grid: OutGrid | OutSheet): string {
  const row = grid.layout?.filterRow ?? 1;
  return `A${row}:${columnLetter(sheetWidth(grid) - 1)}${Math.max(row, rowCountOf(grid))}`;
}
