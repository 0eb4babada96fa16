/**
 * The grid model shared by every adapter: a sheet is rows of cells, each holding
 * what Excel knows of it. Adapters (ExcelJS, Office.js) build these; the core never
 * sees a library object.
 */

/** A cell as Excel holds it. `null` is an empty cell. */
export type Cell =
  | null
  /** A number; `format` is the cell's number format ("General", "dd/mm/yyyy", "@"...). */
  | { readonly t: "n"; readonly v: number; readonly format?: string }
  /** A value the adapter already knows to be a date: an Excel serial (1900 system, may carry a time fraction). */
  | { readonly t: "d"; readonly v: number; readonly format?: string }
  /** Text, as typed (leading apostrophe already stripped by Excel). */
  | { readonly t: "s"; readonly v: string; readonly format?: string }
  | { readonly t: "b"; readonly v: boolean }
  /** An Excel error value such as "#N/A" or "#REF!". */
  | { readonly t: "e"; readonly v: string };

/** One row of a sheet: index 0 is column A. May be shorter than the sheet is wide. */
export type CellRow = readonly Cell[];

/** A sheet given to the engine as a whole. `firstRow` is the Excel row number of `rows[0]` (usually 1). */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly CellRow[];
  readonly firstRow?: number;
  /** Merged areas as 1-based inclusive coordinates; used only to understand headers. */
  readonly merges?: readonly MergeArea[];
}

export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const num = (v: number, format?: string): Cell => (format === undefined ? { t: "n", v } : { t: "n", v, format });
export const text = (v: string): Cell => ({ t: "s", v });
export const dateSerial = (v: number, format?: string): Cell =>
  format === undefined ? { t: "d", v } : { t: "d", v, format };

/** True for an empty cell or one holding only white space. */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return cell.t === "s" && cell.v.trim() === "";
}

/** The cell as display-ish text, for header matching and names. Numbers are written without exponent where exact. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  switch (cell.t) {
    case "s":
      return cell.v;
    case "n":
    case "d":
      return Number.isInteger(cell.v) && Math.abs(cell.v) < 1e21 ? cell.v.toFixed(0) : String(cell.v);
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.v;
  }
}

/** 0-based column index to letters: 0 -> "A", 26 -> "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to 0-based column index: "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
