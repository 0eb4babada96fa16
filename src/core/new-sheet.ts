/**
 * A sheet for a new workbook (the rekap): an OutGrid plus what a sheet of its own may
 * carry: frozen rows, a filter over its table, print set-up and links to cells of other
 * files. Writers (src/package/write-workbook.ts, the add-in) translate it as it is.
 */
import type { OutCell, OutGrid } from "./annotations";

export interface NewCell extends OutCell {
  /** A link that opens another file at a cell: `target` relative to the new workbook, `location` as 'Sheet'!A1. */
  readonly fileLink?: { readonly target: string; readonly location: string | null };
}

export interface NewSheet extends OutGrid {
  readonly rows: readonly (readonly NewCell[])[];
  /** Rows kept in view at the top while scrolling (0: none). */
  readonly freezeRows: number;
  /** The table a filter covers: 1-based header row, the last row of data and the number of columns. */
  readonly filter: { readonly headerRow: number; readonly lastRow: number; readonly columns: number } | null;
  readonly print: {
    readonly orientation: "portrait" | "landscape";
    /** Pages across and down the printout is fitted to (0: as many as needed). */
    readonly fitWidth: number;
    readonly fitHeight: number;
    /** Rows repeated at the top of every printed page (1..n), 0 for none. */
    readonly repeatRows: number;
  };
}

/** Sheet names Excel refuses: longer than 31 characters, or holding one of : \ / ? * [ ]. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}
