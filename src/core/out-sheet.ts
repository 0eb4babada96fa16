/**
 * A report sheet given row by row (issues 8 and 10): a full-height CH Jalur is a million rows
 * of eleven cells, too many to hold as one grid. Its rows are made as a writer asks for them,
 * the title and counts first; the count is known before the first row, for the sheet's
 * dimension and filter range.
 */
import type { OutCell, OutGrid } from "./annotations";

export interface OutSheet extends Omit<OutGrid, "rows"> {
  /** The rows in order; each pass (for...of) makes them afresh, so a writer holds one at a time. */
  readonly rows: Iterable<readonly OutCell[]>;
  /** How many rows `rows` gives. */
  readonly rowCount: number;
  /**
   * The widest row, when known without making rows (CH Jalur: its first list row would sort
   * a million people while the sheets before it are still being written).
   */
  readonly width?: number;
}

/** The rows of a grid or a sheet. */
export function rowCountOf(sheet: OutGrid | OutSheet): number {
  return "rowCount" in sheet ? sheet.rowCount : sheet.rows.length;
}

/** The columns a writer spans: the widths given, or the widest of the first thousand rows. */
export function sheetWidth(sheet: OutGrid | OutSheet): number {
  if ("width" in sheet && sheet.width !== undefined) return Math.max(1, sheet.columnWidths.length, sheet.width);
  let width = Math.max(1, sheet.columnWidths.length);
  let seen = 0;
  for (const row of sheet.rows) {
    if (seen++ >= 1000) break;
    width = Math.max(width, row.length);
  }
  return width;
}

/** The whole sheet as one grid (for small results, and the callers that take a grid). */
export function wholeGrid(sheet: OutSheet): OutGrid {
  const rows: (readonly OutCell[])[] = [];
  for (const row of sheet.rows) rows.push(row);
  return {
    sheetName: sheet.sheetName,
    rows,
    columnWidths: sheet.columnWidths,
    ...(sheet.layout !== undefined ? { layout: sheet.layout } : {}),
  };
}

/**
 * Rows `head`, then `count` rows made by `make(0..count-1)`, then `tail`: an iterable that
 * makes each list row only when it is asked for. A plain iterator object, not a generator, so
 * the add-in's ES5 build needs no generator runtime.
 */
export function madeRows(
  head: readonly (readonly OutCell[])[],
  count: number,
  make: (i: number) => readonly OutCell[],
  tail: readonly (readonly OutCell[])[] = [],
): Iterable<readonly OutCell[]> {
  const total = head.length + count + tail.length;
  return {
    [Symbol.iterator](): Iterator<readonly OutCell[]> {
      let at = 0;
      return {
        next(): IteratorResult<readonly OutCell[]> {
          if (at >= total) return { done: true, value: undefined };
          const i = at++;
          const value =
            i < head.length
              ? (head[i] as readonly OutCell[])
              : i < head.length + count
                ? make(i - head.length)
                : (tail[i - head.length - count] as readonly OutCell[]);
          return { done: false, value };
        },
      };
    },
  };
}
