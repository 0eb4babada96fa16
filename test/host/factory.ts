/**
 * Builds host workbooks from plain grids for tests, and reads their state back for
 * assertions (a deep-comparable snapshot of every cell's value, formula, format and fill).
 */
import { type Rect, cellAddress, parseAddress, rectAddress } from "./address";
import type { HostConfig } from "./context";
import { ExcelHost } from "./host";
import { toExcelNumber } from "./input";
import {
  type CellSource,
  DEFAULT_FORMAT,
  type SheetModel,
  type StoredValue,
  type Visibility,
  WorkbookModel,
  isErrorValue,
} from "./model";

/** A cell of a test grid: a plain value, an error ("#N/A" via { error }), or a full description. */
export type CellInit =
  | StoredValue
  | null
  | undefined
  | {
      readonly value?: StoredValue | null;
      /** Kept as written; `value` is its cached result. */
      readonly formula?: string;
      readonly numberFormat?: string;
      readonly fill?: string;
      readonly bold?: boolean;
      readonly fontColor?: string;
    };

export interface SheetInit {
  readonly name: string;
  /** Rows from `origin` (default "A1"). */
  readonly rows?: readonly (readonly CellInit[])[];
  readonly origin?: string;
  /** A generated body, for large sheets. */
  readonly source?: CellSource;
  readonly merges?: readonly string[];
  readonly tables?: readonly { readonly name: string; readonly address: string; readonly showFilters?: boolean }[];
  /** Excel row numbers (1-based) hidden or filtered out. */
  readonly hiddenRows?: readonly number[];
  readonly fills?: readonly { readonly address: string; readonly color: string }[];
  readonly numberFormats?: readonly { readonly address: string; readonly format: string }[];
  readonly protected?: boolean;
  readonly visibility?: Visibility;
}

export interface WorkbookInit {
  readonly readOnly?: boolean;
  readonly structureProtected?: boolean;
  readonly cellEditMode?: boolean;
  readonly settings?: Readonly<Record<string, unknown>>;
}

function forRect(rect: Rect, fn: (row: number, column: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

function isDescribed(cell: CellInit): cell is Exclude<CellInit, StoredValue | null | undefined> {
  return typeof cell === "object" && cell !== null && !isErrorValue(cell);
}

export function buildSheet(model: WorkbookModel, init: SheetInit): SheetModel {
  const sheet = model.addSheet(init.name);
  if (init.source) sheet.base = init.source;
  const origin = parseAddress(init.origin ?? "A1").rect;
  (init.rows ?? []).forEach((row, i) =>
    row.forEach((cell, j) => {
      const r = origin.top + i;
      const c = origin.left + j;
      if (cell === null || cell === undefined || cell === "") return;
      if (!isDescribed(cell)) {
        sheet.setValue(r, c, typeof cell === "number" ? toExcelNumber(cell) : cell);
        return;
      }
      if (cell.formula !== undefined) sheet.setFormula(r, c, cell.formula, cell.value ?? null);
      else if (cell.value !== undefined) sheet.setValue(r, c, cell.value);
      if (cell.numberFormat !== undefined) sheet.setNumberFormat(r, c, cell.numberFormat);
      if (cell.fill !== undefined) sheet.setFill(r, c, cell.fill.toUpperCase());
      if (cell.bold !== undefined) sheet.setBold(r, c, cell.bold);
      if (cell.fontColor !== undefined) sheet.setFontColor(r, c, cell.fontColor.toUpperCase());
    }),
  );
  sheet.merges = (init.merges ?? []).map((a) => parseAddress(a).rect);
  for (const t of init.tables ?? []) {
    sheet.tables.push({
      id: model.nextTableId++,
      name: t.name,
      rect: parseAddress(t.address).rect,
      showHeaders: true,
      showFilters: t.showFilters ?? true,
    });
  }
  for (const row of init.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
  for (const f of init.fills ?? [])
    forRect(parseAddress(f.address).rect, (r, c) => sheet.setFill(r, c, f.color.toUpperCase()));
  for (const f of init.numberFormats ?? [])
    forRect(parseAddress(f.address).rect, (r, c) => sheet.setNumberFormat(r, c, f.format));
  sheet.protected = init.protected ?? false;
  sheet.visibility = init.visibility ?? "Visible";
  return sheet;
}

export function buildWorkbook(sheets: readonly SheetInit[], init: WorkbookInit = {}): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of sheets) buildSheet(model, s);
  model.readOnly = init.readOnly ?? false;
  model.structureProtected = init.structureProtected ?? false;
  model.cellEditMode = init.cellEditMode ?? false;
  for (const [k, v] of Object.entries(init.settings ?? {})) model.settings.set(k, JSON.stringify(v));
  return model;
}

/** A host over a workbook built from grids. */
export function createHost(
  sheets: readonly SheetInit[],
  config: Partial<HostConfig> = {},
  init: WorkbookInit = {},
): ExcelHost {
  return new ExcelHost(buildWorkbook(sheets, init), config);
}

// ---- reading state back -----------------------------------------------------------

export interface CellState {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  link?: string;
  other?: Readonly<Record<string, unknown>>;
}

export interface SheetState {
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
  /** Every cell with anything in it, by address ("B3"). */
  readonly cells: Record<string, CellState>;
  readonly merges: string[];
  readonly hiddenRows: number[];
  readonly tables: { name: string; address: string }[];
  readonly charts: { name: string; type: string; source: string; title: string }[];
}

/** The whole state of one sheet, deep-comparable with toEqual. Not for generated sheets. */
export function sheetState(sheet: SheetModel): SheetState {
  const cells: Record<string, CellState> = {};
  const keys = new Set<number>();
  for (const map of [
    sheet.values,
    sheet.formulas,
    sheet.numberFormats,
    sheet.fills,
    sheet.bold,
    sheet.fontColors,
    sheet.hyperlinks,
    sheet.extraFormats,
  ]) {
    for (const k of map.keys()) keys.add(k);
  }
  for (const k of [...keys].sort((a, b) => a - b)) {
    const r = Math.floor(k / 16_384);
    const c = k % 16_384;
    const state: CellState = {};
    const v = sheet.value(r, c);
    if (v !== null) {
      if (isErrorValue(v)) state.error = v.error;
      else state.value = v;
    }
    const f = sheet.formula(r, c);
    if (f !== null) state.formula = f;
    const nf = sheet.numberFormat(r, c);
    if (nf !== DEFAULT_FORMAT) state.numberFormat = nf;
    const fill = sheet.fill(r, c);
    if (fill !== null) state.fill = fill;
    if (sheet.isBold(r, c)) state.bold = true;
    if (sheet.fontColor(r, c) !== "#000000") state.fontColor = sheet.fontColor(r, c);
    const link = sheet.hyperlink(r, c);
    if (link !== null) state.link = link.documentReference ?? link.address ?? "";
    const other = sheet.extraFormats.get(k);
    if (other !== undefined) state.other = other;
    if (Object.keys(state).length > 0) cells[cellAddress(r, c)] = state;
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    cells,
    merges: sheet.merges.map(rectAddress),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    tables: sheet.tables.map((t) => ({ name: t.name, address: rectAddress(t.rect) })),
    charts: sheet.charts.map((c) => ({ name: c.name, type: c.type, source: c.sourceAddress, title: c.title })),
  };
}

/** State of every sheet, optionally only those whose name passes `keep`. */
export function workbookState(model: WorkbookModel, keep: (name: string) => boolean = () => true): SheetState[] {
  return model.sheets.filter((s) => keep(s.name)).map(sheetState);
}

/** The values of a sheet area as Office would return them ("" for empty, errors as text). */
export function readValues(model: WorkbookModel, sheetName: string, address: string): (string | number | boolean)[][] {
  const sheet = model.sheet(sheetName);
  if (sheet === null) throw new Error(`No sheet ${sheetName}`);
  const { rect } = parseAddress(address);
  const out: (string | number | boolean)[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const v = sheet.value(r, c);
      row.push(v === null ? "" : isErrorValue(v) ? v.error : v);
    }
    out.push(row);
  }
  return out;
}
