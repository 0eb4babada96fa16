/**
 * The computed columns of a personnel sheet, collected while its rows are checked (issue 10,
 * full height). A person row is final when SheetStream.push returns it: its cells are built
 * then by the core's computedColumns (a few hundred rows at a time) and kept as small ids
 * into one table of distinct cells per column. Most cells repeat (the category, the cut-off's
 * answer, a date), so a 1,048,575-row sheet costs a few bytes per cell, not its rows' objects.
 */
import { type ComputedColumns, type OutCell, computedColumns } from "./annotations";
import type { TableLayout } from "./headers";
import type { PersonRow, SheetResult } from "./results";
import type { Lang } from "./vocabulary";

/** What the writer needs of one sheet's computed columns, however they were collected. */
export interface ComputedSet {
  readonly sheet: string;
  /** 0-based column index of the first computed column. */
  readonly startColumnIndex: number;
  /** Excel row of the header cells. */
  readonly headerRow: number;
  readonly headers: readonly OutCell[];
  /** Person rows: one line of computed cells each. */
  readonly count: number;
  /** Excel row of the last person row, else the header row. */
  readonly lastRow: number;
  /** The cells beside Excel row `row`; undefined where no person is. */
  cellsAt(row: number): readonly OutCell[] | undefined;
  /** Each person's Excel row and cells, top to bottom. */
  entries(): Iterable<{ readonly row: number; readonly cells: readonly OutCell[] }>;
  /** Each person's Excel row, top to bottom (no cells made). */
  eachRow(visit: (row: number) => void): void;
  /** The Excel row of the `i`th person from the top (0-based, below count). */
  rowAt(i: number): number;
}

/** A whole-sheet ComputedColumns (the core's own form) seen as a ComputedSet. */
export function computedSetOf(cc: ComputedColumns): ComputedSet {
  const byRow = new Map(cc.rows.map((r) => [r.row, r.cells] as const));
  return {
    sheet: cc.sheet,
    startColumnIndex: cc.startColumnIndex,
    headerRow: cc.headerRow,
    headers: cc.headers,
    count: cc.rows.length,
    lastRow: cc.rows.reduce((m, r) => Math.max(m, r.row), cc.headerRow),
    cellsAt: (row) => byRow.get(row),
    entries: () => cc.rows,
    eachRow: (visit) => cc.rows.forEach((r) => visit(r.row)),
    rowAt: (i) => cc.rows[i]?.row ?? Number.NaN,
  };
}

/** A growing list of 32-bit integers (a typed array doubled when full). */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i] ?? 0;
  }
}

/**
 * A growing list of ids, one byte each while they are below 256, widened when a larger one
 * comes: most computed columns hold a handful of distinct cells, so a full-height sheet's ten
 * columns cost about 10 MB instead of 40 (issue 8, memory at full height).
 */
export class IdList {
  private data: Uint8Array | Uint16Array | Int32Array = new Uint8Array(1024);
  private limit = 0xff;
  length = 0;
  push(v: number): void {
    if (v > this.limit || this.length === this.data.length) {
      const wide = v > this.limit;
      const size = this.length === this.data.length ? this.data.length * 2 : this.data.length;
      const bigger =
        wide && v > 0xffff
          ? new Int32Array(size)
          : wide || this.data instanceof Uint16Array
            ? new Uint16Array(size)
            : this.data instanceof Int32Array
              ? new Int32Array(size)
              : new Uint8Array(size);
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
      this.limit = bigger instanceof Uint8Array ? 0xff : bigger instanceof Uint16Array ? 0xffff : 0x7fffffff;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i] ?? 0;
  }

  /** The ids as one array (a view: valid until the next push). */
  view(): ArrayLike<number> {
    return this.data.subarray(0, this.length);
  }

  /** Bytes held (for tests and benchmarks). */
  get byteSize(): number {
    return this.data.byteLength;
  }
}

/** Distinct cells of one column, each with a small id. */
class CellTable {
  // By style and number format, then by value: numbers, strings and booleans are Map keys as
  // they are (no key string built per cell, and 5 and "5" stay apart); dates by their ISO text.
  private readonly byLook = new Map<
    string,
    Map<string, { values: Map<unknown, number>; dates: Map<string, number> }>
  >();
  readonly cells: OutCell[] = [];
  id(cell: OutCell): number {
    const style = cell.style ?? "";
    const format = cell.numberFormat ?? "";
    let byFormat = this.byLook.get(style);
    if (byFormat === undefined) this.byLook.set(style, (byFormat = new Map()));
    let ids = byFormat.get(format);
    if (ids === undefined) byFormat.set(format, (ids = { values: new Map(), dates: new Map() }));
    const v = cell.value;
    const dated = v !== null && typeof v === "object";
    let id = dated ? ids.dates.get(v.date) : ids.values.get(v);
    if (id === undefined) {
      id = this.cells.length;
      this.cells.push(cell);
      if (dated) ids.dates.set(v.date, id);
      else ids.values.set(v, id);
    }
    return id;
  }
}

/** Person rows built into cells per batch: the core's per-call work (headers) is paid once per batch. */
const BATCH_ROWS = 512;

/** Collects one sheet's computed columns as its rows are checked; finish() gives the ComputedSet. */
export class ComputedCollector {
  private readonly rows = new IntList();
  private readonly ids: IdList[];
  private readonly tables: CellTable[];
  private pending: PersonRow[] = [];
  private readonly shell: SheetResult;
  readonly headers: readonly OutCell[];
  readonly startColumnIndex: number;
  readonly headerRow: number;

  private constructor(
    readonly sheet: string,
    table: Pick<SheetResult, "kind" | "headerRow" | "headerTopRow" | "lastColumnIndex">,
    private readonly lang: Lang,
  ) {
    this.shell = { ...table, name: sheet, columns: {}, dataRange: null, rows: [], issues: [] };
    const empty = computedColumns(this.shell, lang) as ComputedColumns;
    this.headers = empty.headers;
    this.startColumnIndex = empty.startColumnIndex;
    this.headerRow = empty.headerRow;
    this.ids = empty.headers.map(() => new IdList());
    this.tables = empty.headers.map(() => new CellTable());
  }

  /** A collector for a personnel sheet; null for any other layout. */
  static open(sheet: string, layout: TableLayout | null, lang: Lang): ComputedCollector | null {
    if (layout === null || layout.kind !== "personnel") return null;
    return new ComputedCollector(sheet, layout, lang);
  }

  /** A collector for a checked sheet no row was taken from (a personnel table with no one in it). */
  static ofSheet(sheet: SheetResult, lang: Lang): ComputedCollector | null {
    if (sheet.kind !== "personnel" || sheet.headerRow === null || sheet.lastColumnIndex === null) return null;
    return new ComputedCollector(sheet.name, sheet, lang);
  }

  /** Takes final person rows, in increasing row order. */
  add(row: PersonRow): void {
    this.pending.push(row);
    if (this.pending.length >= BATCH_ROWS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const built = computedColumns({ ...this.shell, rows: this.pending }, this.lang);
    this.pending = [];
    for (const r of built?.rows ?? []) {
      this.rows.push(r.row);
      r.cells.forEach((cell, j) => {
        const table = this.tables[j];
        if (table !== undefined) this.ids[j]?.push(table.id(cell));
      });
    }
  }

  finish(): ComputedSet {
    this.flush();
    const { rows, ids, tables } = this;
    const count = rows.length;
    const lastRow = count === 0 ? this.headerRow : rows.at(count - 1);
    // Excel row -> index of its line, by the ascending rows themselves: a lookup table from
    // the header row down was 4 MB more at full height. Callers go row by row (the writer, the
    // add-in), so the line after the last one found is tried first; any other row is searched.
    let cursor = 0;
    const lineOf = (row: number): number => {
      if (row <= this.headerRow || row > lastRow) return -1;
      if (rows.at(cursor) === row) return cursor;
      if (cursor + 1 < count && rows.at(cursor + 1) === row) return ++cursor;
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = rows.at(mid);
        if (at === row) return (cursor = mid);
        if (at < row) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
    const columns = tables.map((table, j) => ({ table, ids: ids[j] ?? new IdList() }));
    // Every id was handed out by its column's table, so the lookup always finds a cell.
    // A plain loop (no callback made per call): the copy asks for every person's line.
    const line = (i: number): OutCell[] => {
      const out = new Array<OutCell>(columns.length);
      for (let j = 0; j < columns.length; j++) {
        const { table, ids } = columns[j] as (typeof columns)[number];
        out[j] = table.cells[ids.at(i)] as OutCell;
      }
      return out;
    };
    return {
      sheet: this.sheet,
      startColumnIndex: this.startColumnIndex,
      headerRow: this.headerRow,
      headers: this.headers,
      count,
      lastRow,
      cellsAt: (row) => {
        const i = lineOf(row);
        return i === -1 ? undefined : line(i);
      },
      rowAt: (i) => rows.at(i),
      entries: function* () {
        for (let i = 0; i < count; i++) yield { row: rows.at(i), cells: line(i) };
      },
      eachRow: (visit) => {
        for (let i = 0; i < count; i++) visit(rows.at(i));
      },
    };
  }
}
