/**
 * The marked cells of one sheet for the copy (issue 8, full height). The cut-off's highlight
 * can cover every row of a million-row sheet (one column, one fill): a map per row cost about
 * 300 MB of heap, so those rows are kept as one sorted list of numbers; the problem marks
 * (rows with issues, few) stay in maps and are drawn over the highlight, as the add-in does.
 */

/** Marks of a row: 0-based column -> fill colour. */
export type RowMarks = ReadonlyMap<number, string>;

/** What the sheet patcher asks of the marks: a row's marks (undefined when it has none). */
export interface MarkLookup {
  get(row: number): RowMarks | undefined;
}

/** Excel rows, ascending, each once: whole numbers in 4 bytes, or doubles (a damaged file's row numbers are kept as read). */
type RowList = Float64Array | Int32Array;

interface Band {
  readonly column: number;
  readonly fill: string;
  /** A row's marks when this band is all it has: one map shared by every such row (never changed). */
  readonly marks: RowMarks;
  readonly rows: RowList;
}

const ascending = (rows: ArrayLike<number>): RowList => {
  // Rows read in order come ascending already: kept as they are, not copied (4 MB at full height).
  let ordered = rows instanceof Float64Array || rows instanceof Int32Array;
  for (let i = 1; ordered && i < rows.length; i++) ordered = (rows[i - 1] as number) < (rows[i] as number);
  if (ordered) return rows as RowList;
  const sorted = Float64Array.from(rows).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return sorted.subarray(0, n);
};

/** Index of `row` in the ascending `rows`, or -1. */
function indexOf(rows: RowList, row: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = rows[mid] as number;
    if (v === row) return mid;
    if (v < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class SheetMarks implements MarkLookup {
  private readonly bands: Band[] = [];
  private readonly cells = new Map<number, Map<number, string>>();
  // The patcher asks for the same row several times in a row: its marks are made once.
  private lastRow = -1;
  private lastMarks: RowMarks | undefined;

  /** Marks `column` of every row in `rows` with `fill`, under any mark set before or after. */
  addColumn(column: number, fill: string, rows: ArrayLike<number>): void {
    if (rows.length === 0) return;
    this.bands.push({ column, fill, rows: ascending(rows), marks: new Map([[column, fill]]) });
    this.lastRow = -1;
  }

  /** Marks one cell, over whatever was set for it before. */
  set(row: number, column: number, fill: string): void {
    let byRow = this.cells.get(row);
    if (byRow === undefined) this.cells.set(row, (byRow = new Map()));
    byRow.set(column, fill);
    this.lastRow = -1;
  }

  get isEmpty(): boolean {
    return this.bands.length === 0 && this.cells.size === 0;
  }

  get(row: number): RowMarks | undefined {
    if (row === this.lastRow) return this.lastMarks;
    // The bands holding the row counted, not listed: this runs for every row patched.
    const bands = this.bands;
    let first: Band | undefined;
    let count = 0;
    for (let i = 0; i < bands.length; i++) {
      const band = bands[i] as Band;
      if (indexOf(band.rows, row) !== -1 && count++ === 0) first = band;
    }
    const cells = this.cells.get(row);
    let marks: RowMarks | undefined;
    // The usual row, in one band alone: that band's shared map, not a new one per row.
    if (cells === undefined && count === 1) marks = (first as Band).marks;
    else if (count === 0) marks = cells;
    else {
      const own = new Map<number, string>();
      for (const band of bands) if (indexOf(band.rows, row) !== -1) own.set(band.column, band.fill);
      for (const [column, fill] of cells ?? []) own.set(column, fill);
      marks = own;
    }
    this.lastRow = row;
    this.lastMarks = marks;
    return marks;
  }

  /** Every marked row, ascending, each once. */
  rows(): RowList {
    // The usual full-height case, the cut-off's column alone: its list as it is, not a copy.
    const only = this.bands[0];
    if (only !== undefined && this.bands.length === 1 && this.cells.size === 0) return only.rows;
    const all = new Float64Array(this.bands.reduce((n, b) => n + b.rows.length, this.cells.size));
    let at = 0;
    for (const band of this.bands) (all.set(band.rows, at), (at += band.rows.length));
    for (const row of this.cells.keys()) all[at++] = row;
    return ascending(all);
  }

  /**
   * Every marked row, ascending, each once, as rows() gives them, but walked: the cut-off's band
   * and the problem rows merged as they are read, not copied into one list (8 MB at full height).
   */
  *eachRow(): Generator<number> {
    const band = this.bands[0]?.rows;
    const cells = Float64Array.from(this.cells.keys()).sort();
    const plain =
      this.bands.length <= 1 &&
      cells.every((row) => Number.isFinite(row)) &&
      (band === undefined || band.length === 0 || Number.isFinite(band[band.length - 1] as number));
    if (!plain || band === undefined) {
      // Several bands, or row numbers that do not compare (a damaged file): the list as it is made.
      yield* plain ? cells : this.rows();
      return;
    }
    let b = 0;
    let c = 0;
    while (b < band.length || c < cells.length) {
      // Read only within bounds (a read past a typed array's end deoptimizes this loop).
      const fromBand = b < band.length ? (band[b] as number) : Infinity;
      const fromCells = c < cells.length ? (cells[c] as number) : Infinity;
      if (c >= cells.length || (b < band.length && fromBand < fromCells)) {
        yield fromBand;
        b++;
      } else {
        yield fromCells;
        c++;
        if (b < band.length && fromBand === fromCells) b++;
      }
    }
  }

  /** The last marked row (0 when none). */
  get maxRow(): number {
    let max = 0;
    for (const band of this.bands) max = Math.max(max, band.rows[band.rows.length - 1] ?? 0);
    for (const row of this.cells.keys()) max = Math.max(max, row);
    return max;
  }
}
