/**
 * The workbook the fake Excel host holds: sheets of cells with values, formulas, number
 * formats, fills, fonts, hyperlinks, merged areas, tables, hidden rows, protection and
 * charts. Cells are stored sparsely (a map per property), over an optional read-only
 * generated base so a 1,048,575-row sheet costs no memory until written.
 */
import { MAX_COLUMNS, type Rect, rectContains } from "./address";

/** An Excel error value such as #N/A. */
export interface ErrorValue {
  readonly error: string;
}
/** A non-empty cell value. */
export type StoredValue = string | number | boolean | ErrorValue;

export const isErrorValue = (v: unknown): v is ErrorValue =>
  typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string";

/** A generated, read-only sheet body (for large benchmarks); writes go to the overlay. */
export interface CellSource {
  readonly rowCount: number;
  readonly columnCount: number;
  value(row: number, column: number): StoredValue | null;
  numberFormat?(row: number, column: number): string | null;
}

export interface HyperlinkModel {
  readonly address?: string;
  readonly documentReference?: string;
  readonly screenTip?: string;
  readonly textToDisplay?: string;
}

export interface TableModel {
  readonly id: number;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  showFilters: boolean;
}

export interface ChartModel {
  readonly id: number;
  name: string;
  readonly type: string;
  readonly sourceAddress: string;
  readonly seriesBy: string;
  title: string;
  position: { start: string; end: string } | null;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export const DEFAULT_FORMAT = "General";
const key = (row: number, column: number): number => row * MAX_COLUMNS + column;
const keyRow = (k: number): number => Math.floor(k / MAX_COLUMNS);
const keyColumn = (k: number): number => k % MAX_COLUMNS;

/** Texts the model has stored lately, so a text written down a column (a label, a path) is kept once. */
const RECENT = new Map<string, string>();
/** Bounded: emptied when full, so unique texts (names) pass through and repeated ones come back. */
const MAX_RECENT = 4_096;

/**
 * A string as the model keeps it: a flat copy of its own, shared with an equal text stored
 * lately. What the add-in writes is often a slice of a longer string (the text after Excel's
 * apostrophe) or a join of pieces (a formula); V8 keeps a slice's whole parent and a join's
 * pieces alive, so a million written cells would cost the model about twice their text, and
 * the benchmark's heap includes the model. The stored text is the same; only its copies differ.
 */
function ownText<T>(value: T): T {
  if (typeof value !== "string") return value;
  const known = RECENT.get(value);
  if (known !== undefined) return known as T;
  // V8 never slices or joins strings under 13 characters.
  const own = value.length >= 13 ? (JSON.parse(JSON.stringify(value)) as string) : value;
  if (RECENT.size >= MAX_RECENT) RECENT.clear();
  RECENT.set(own, own);
  return own as T;
}

/** Rows per block of a CellStore. */
const BLOCK_ROWS = 1024;

/**
 * A Map from cell key to T for the fake workbook, stored as blocks of 1,024 rows of one
 * column (a dense array each). Excel keeps its cells in its own process; here they share the
 * add-in's heap, so a 1,048,575-row column written whole must cost about 8 bytes a cell (a
 * Map costs 40 or more), or the benchmark's heap would measure the fake Excel, not the add-in.
 */
export class CellStore<T> {
  private readonly blocks = new Map<number, { cells: (T | undefined)[]; count: number }>();
  private count = 0;

  private static block(k: number): number {
    return Math.floor(keyRow(k) / BLOCK_ROWS) * MAX_COLUMNS + keyColumn(k);
  }

  get size(): number {
    return this.count;
  }

  get(k: number): T | undefined {
    return this.blocks.get(CellStore.block(k))?.cells[keyRow(k) % BLOCK_ROWS];
  }

  has(k: number): boolean {
    return this.get(k) !== undefined;
  }

  set(k: number, value: T): this {
    const id = CellStore.block(k);
    let block = this.blocks.get(id);
    if (block === undefined) {
      block = { cells: new Array<T | undefined>(BLOCK_ROWS).fill(undefined), count: 0 };
      this.blocks.set(id, block);
    }
    const i = keyRow(k) % BLOCK_ROWS;
    if (block.cells[i] === undefined) {
      block.count += 1;
      this.count += 1;
    }
    block.cells[i] = value;
    return this;
  }

  delete(k: number): boolean {
    const id = CellStore.block(k);
    const block = this.blocks.get(id);
    const i = keyRow(k) % BLOCK_ROWS;
    if (block === undefined || block.cells[i] === undefined) return false;
    block.cells[i] = undefined;
    block.count -= 1;
    this.count -= 1;
    if (block.count === 0) this.blocks.delete(id);
    return true;
  }

  *entries(): IterableIterator<[number, T]> {
    for (const [id, block] of this.blocks) {
      const top = Math.floor(id / MAX_COLUMNS) * BLOCK_ROWS;
      const column = id % MAX_COLUMNS;
      for (let i = 0; i < BLOCK_ROWS; i++) {
        const v = block.cells[i];
        if (v !== undefined) yield [key(top + i, column), v];
      }
    }
  }

  /** Calls `take` with the first and last row of each column block holding a cell `counts` accepts. */
  spans(take: (row: number, column: number) => void, counts: (v: T) => boolean = () => true): void {
    for (const [id, block] of this.blocks) {
      const top = Math.floor(id / MAX_COLUMNS) * BLOCK_ROWS;
      const column = id % MAX_COLUMNS;
      let first = -1;
      let last = -1;
      for (let i = 0; i < BLOCK_ROWS; i++) {
        const v = block.cells[i];
        if (v === undefined || !counts(v)) continue;
        if (first < 0) first = i;
        last = i;
      }
      if (first >= 0) {
        take(top + first, column);
        take(top + last, column);
      }
    }
  }

  *keys(): IterableIterator<number> {
    for (const [k] of this.entries()) yield k;
  }

  [Symbol.iterator](): IterableIterator<[number, T]> {
    return this.entries();
  }
}

let nextSheetId = 1;

export class SheetModel {
  readonly id = `{host-sheet-${nextSheetId++}}`;
  name: string;
  visibility: Visibility = "Visible";
  protected = false;
  base: CellSource | null = null;
  /** Overlay over the base: `null` marks a base cell cleared. */
  readonly values = new CellStore<StoredValue | null>();
  readonly formulas = new CellStore<string>();
  readonly numberFormats = new CellStore<string>();
  readonly fills = new CellStore<string>();
  readonly bold = new CellStore<boolean>();
  readonly fontColors = new CellStore<string>();
  readonly hyperlinks = new CellStore<HyperlinkModel>();
  /** Other cell formats (alignment, wrap, italic...), by name. */
  readonly extraFormats = new CellStore<Readonly<Record<string, unknown>>>();
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  merges: Rect[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];

  constructor(name: string) {
    this.name = name;
  }

  value(row: number, column: number): StoredValue | null {
    const k = key(row, column);
    const own = this.values.get(k);
    if (own !== undefined) return own;
    if (this.base !== null && row < this.base.rowCount && column < this.base.columnCount)
      return this.base.value(row, column);
    return null;
  }

  setValue(row: number, column: number, value: StoredValue | null): void {
    const k = key(row, column);
    this.formulas.delete(k);
    const inBase = this.base !== null && row < this.base.rowCount && column < this.base.columnCount;
    if (value === null || value === "") {
      if (inBase) this.values.set(k, null);
      else this.values.delete(k);
    } else this.values.set(k, ownText(value));
  }

  formula(row: number, column: number): string | null {
    return this.formulas.get(key(row, column)) ?? null;
  }

  setFormula(row: number, column: number, formula: string, cachedValue: StoredValue | null): void {
    this.setValue(row, column, cachedValue);
    this.formulas.set(key(row, column), ownText(formula));
  }

  numberFormat(row: number, column: number): string {
    const own = this.numberFormats.get(key(row, column));
    if (own !== undefined) return own;
    const fromBase = this.base?.numberFormat?.(row, column);
    return fromBase ?? DEFAULT_FORMAT;
  }

  setNumberFormat(row: number, column: number, format: string): void {
    const fromBase = this.base?.numberFormat?.(row, column) ?? DEFAULT_FORMAT;
    if (format === fromBase) this.numberFormats.delete(key(row, column));
    else this.numberFormats.set(key(row, column), format);
  }

  /** "#RRGGBB", or null for no fill. */
  fill(row: number, column: number): string | null {
    return this.fills.get(key(row, column)) ?? null;
  }

  setFill(row: number, column: number, color: string | null): void {
    if (color === null) this.fills.delete(key(row, column));
    else this.fills.set(key(row, column), color);
  }

  isBold(row: number, column: number): boolean {
    return this.bold.get(key(row, column)) ?? false;
  }

  setBold(row: number, column: number, bold: boolean): void {
    if (bold) this.bold.set(key(row, column), true);
    else this.bold.delete(key(row, column));
  }

  fontColor(row: number, column: number): string {
    return this.fontColors.get(key(row, column)) ?? "#000000";
  }

  setFontColor(row: number, column: number, color: string): void {
    if (color === "#000000") this.fontColors.delete(key(row, column));
    else this.fontColors.set(key(row, column), color);
  }

  hyperlink(row: number, column: number): HyperlinkModel | null {
    return this.hyperlinks.get(key(row, column)) ?? null;
  }

  setHyperlink(row: number, column: number, link: HyperlinkModel | null): void {
    if (link === null) this.hyperlinks.delete(key(row, column));
    else this.hyperlinks.set(key(row, column), link);
  }

  extraFormat(row: number, column: number, name: string): unknown {
    return this.extraFormats.get(key(row, column))?.[name] ?? null;
  }

  setExtraFormat(row: number, column: number, name: string, value: unknown): void {
    const k = key(row, column);
    this.extraFormats.set(k, { ...this.extraFormats.get(k), [name]: value });
  }

  /** Resets every format of a cell (Range.clear("Formats")). */
  clearFormats(row: number, column: number): void {
    const k = key(row, column);
    this.numberFormats.delete(k);
    if (this.base?.numberFormat?.(row, column)) this.numberFormats.set(k, DEFAULT_FORMAT);
    this.fills.delete(k);
    this.bold.delete(k);
    this.fontColors.delete(k);
    this.extraFormats.delete(k);
  }

  mergeAt(row: number, column: number): Rect | null {
    return this.merges.find((m) => rectContains(m, row, column)) ?? null;
  }

  /**
   * The used range as Excel computes it: cells with a value or formula, and (unless
   * valuesOnly) cells with a format. Null for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row: number, column: number): void => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (column < left) left = column;
      if (column > right) right = column;
    };
    if (this.base !== null) {
      for (let c = 0; c < this.base.columnCount; c++) {
        for (let r = 0; r < this.base.rowCount; r++) {
          if (this.base.value(r, c) !== null) {
            take(r, c);
            break;
          }
        }
        for (let r = this.base.rowCount - 1; r >= 0; r--) {
          if (this.base.value(r, c) !== null) {
            take(r, c);
            break;
          }
        }
      }
    }
    this.values.spans(take, (v) => v !== null);
    this.formulas.spans(take);
    if (!valuesOnly) {
      for (const store of [this.numberFormats, this.fills, this.bold, this.fontColors, this.extraFormats])
        (store as CellStore<unknown>).spans(take);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; rect: Rect } | null = null;
  readOnly = false;
  /** Review > Protect Workbook: sheets cannot be added, deleted, renamed, hidden or moved. */
  structureProtected = false;
  /** The user is typing in a cell: every request fails. */
  cellEditMode = false;
  /** workbook.settings (ExcelApi 1.4): values kept as JSON text, as the document stores them. */
  readonly settings = new Map<string, string>();
  nextTableId = 1;
  nextChartId = 1;

  sheet(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    if (this.activeSheet === null) this.activeSheet = name;
    return sheet;
  }
}
