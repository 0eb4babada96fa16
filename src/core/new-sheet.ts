/**
 * A sheet for a new workbook (the rekap): an OutGrid whose cells may also link to a cell
 * of another file. Layout (frozen rows, filter, print) is the OutGrid's SheetLayout
 * (src/core/output.ts); writers translate both as they are.
 */
import type { OutCell, OutGrid } from "./annotations";

export interface NewCell extends OutCell {
  /** A link that opens another file at a cell: `target` relative to the new workbook, `location` as 'Sheet'!A1. */
  readonly fileLink?: { readonly target: string; readonly location: string | null };
}

export interface NewSheet extends OutGrid {
  readonly rows: readonly (readonly NewCell[])[];
}

/**
 * The last row of the table a filter covers: the header row and the rows under it down to
 * the first empty row, as Excel picks the "current region" (a totals row after a blank
 * row stays out of sorting and filtering).
 */
export function filterLastRow(rows: readonly (readonly OutCell[])[], headerRow: number): number {
  let last = headerRow;
  while (last < rows.length && (rows[last] ?? []).some((c) => c.value !== null && c.value !== "")) last++;
  return last;
}
