/**
 * What Cek Honorer changed in the workbook, kept in a hidden sheet (CH_State) so that
 * "Hapus Tanda" can put everything back exactly, in this session or a later one:
 * - the original look (fill, bold, font colour, number format) of every user cell whose
 *   look it changed, and the looks it set, per purpose (marks, cut-off rows, computed columns);
 * - the blocks of cells it wrote values into (computed columns), and whether their cells
 *   had Excel's default look before (then clearing their formats restores them exactly);
 * - the sheets it created (report, summary, JP tally).
 * The sheet is very hidden where ExcelApi 1.2 allows; on 1.1 it can only stay visible.
 */
import { STATE_SHEET_NAME } from "../core/own-sheets";
import { type Area, areaA1, cellsToAreasInSlices, parseAreaA1 } from "./a1";
import { type QueuedOp, areaWriteOp, gridBytes } from "./batches";
import { pauser } from "./slices";
import { toExcelValue } from "./cells";
import type { Capabilities } from "./office";

/** Why the add-in changed a cell's look. Later purposes are drawn over earlier ones. */
export const PURPOSES = ["computed", "cutoff", "mark"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** A cell's look, or the part of it the add-in sets. `fill: null` is no fill. */
export interface Look {
  fill?: string | null;
  bold?: boolean;
  fontColor?: string;
  numberFormat?: string;
}
export type LookProperty = keyof Look;
export const LOOK_PROPERTIES: readonly LookProperty[] = ["fill", "bold", "fontColor", "numberFormat"];
/** Excel's defaults, which every cell outside the formatted used range has. */
export const DEFAULT_LOOK: Required<Look> = { fill: null, bold: false, fontColor: "#000000", numberFormat: "General" };

export type PurposeLooks = Partial<Record<Purpose, Look>>;

export interface Decorated {
  /** The user's look, for every property any purpose ever set (shared: never changed in place). */
  original: Readonly<Look>;
  /** The look each purpose gives the cell (shared: never changed in place). */
  looks: Readonly<PurposeLooks>;
}

/** Most shared looks kept: a sheet's cells have a few dozen combinations. */
const MAX_SHARED = 10_000;
const SHARED = new Map<string, object>();

/**
 * One frozen object per distinct look: a million cells with the same original and purposes
 * (the cut-off's column at full height) hold one pair of objects between them, not two
 * objects each (issue 10). Callers replace a cell's look, never change it.
 */
export function shared<T extends object>(value: T): Readonly<T> {
  const key = JSON.stringify(value);
  const known = SHARED.get(key);
  if (known !== undefined) return known as Readonly<T>;
  const frozen = Object.freeze(value);
  if (SHARED.size < MAX_SHARED) SHARED.set(key, frozen);
  return frozen;
}

/** A cell's purposes with `purpose` given `look`, or taken away (undefined). */
export function withPurpose(
  looks: Readonly<PurposeLooks>,
  purpose: Purpose,
  look: Look | undefined,
): Readonly<PurposeLooks> {
  const next: PurposeLooks = { ...looks };
  if (look === undefined) delete next[purpose];
  else next[purpose] = look;
  return shared(next);
}

/** A cell's original with some properties recorded. */
export function withOriginal(original: Readonly<Look>, props: readonly LookProperty[], from: Look): Readonly<Look> {
  const next: Record<string, unknown> = { ...original };
  for (const p of props) if (from[p] !== undefined) next[p] = from[p];
  return shared(next as Look);
}

/** A new decorated cell: nothing recorded, no purpose. */
export const undecorated = (): Decorated => ({ original: shared({}), looks: shared({}) });

const COLUMNS = 16_384;
export const cellKey = (row: number, column: number): number => row * COLUMNS + column;
export const keyRow = (key: number): number => Math.floor(key / COLUMNS);
export const keyColumn = (key: number): number => key % COLUMNS;

/** Cells holding computed values. `plain`: they all had Excel's default look before. */
export interface Block {
  readonly area: Area;
  readonly plain: boolean;
}

export class AddinState {
  /** Sheet -> cell key -> decoration. */
  readonly cells = new Map<string, Map<number, Decorated>>();
  /** Sheet -> blocks of cells holding computed values. */
  readonly blocks = new Map<string, Block[]>();
  /** Report, summary and tally sheets the add-in created. */
  readonly ownSheets = new Set<string>();
  /** Settings kept here when workbook.settings (ExcelApi 1.4) is missing. */
  readonly settings = new Map<string, string>();
  /** Rows the state sheet held when read (so a shorter state clears the rest). */
  storedRows = 0;

  constructor(readonly sheetExists: boolean) {}

  sheetCells(sheet: string): Map<number, Decorated> {
    let map = this.cells.get(sheet);
    if (map === undefined) {
      map = new Map();
      this.cells.set(sheet, map);
    }
    return map;
  }

  get isEmpty(): boolean {
    return [...this.cells.values()].every((m) => m.size === 0) && this.blocks.size === 0 && this.ownSheets.size === 0;
  }
}

const MARKER = ["Cek Honorer", "state", "1", "Jangan diubah / do not edit"];
/** State rows per request (about 150 bytes each). */
const ROWS_PER_READ = 10_000;

/** Reads the state sheet, if there is one (two syncs plus one per 10,000 records). */
export async function loadState(context: Excel.RequestContext, exists: boolean): Promise<AddinState> {
  const state = new AddinState(exists);
  if (!exists) return state;
  const ws = context.workbook.worksheets.getItem(STATE_SHEET_NAME);
  const used = ws.getUsedRange().load("rowCount");
  await context.sync();
  state.storedRows = used.rowCount;
  const pause = pauser();
  // One request per 10,000 rows keeps each response under the budget.
  for (let top = 0; top < used.rowCount; top += ROWS_PER_READ) {
    const bottom = Math.min(used.rowCount, top + ROWS_PER_READ) - 1;
    const range = ws.getRange(areaA1({ top, left: 0, bottom, right: 3 })).load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
    await context.sync();
    for (const row of range.values)
      await parseRow(
        state,
        row.map((v) => String(v)),
        pause,
      );
  }
  return state;
}

/** One record; a record over a million cells (the cut-off's column) is expanded in slices. */
async function parseRow(
  state: AddinState,
  [kind, sheet, address, data]: string[],
  pause: () => Promise<void>,
): Promise<void> {
  try {
    if (kind === "sheet") state.ownSheets.add(sheet);
    else if (kind === "setting") state.settings.set(sheet, data);
    else if (kind === "block") {
      const area = parseAreaA1(address);
      if (area !== null)
        state.blocks.set(sheet, [...(state.blocks.get(sheet) ?? []), { area, plain: data === "plain" }]);
    } else if (kind === "cell") {
      const area = parseAreaA1(address);
      const parsed = JSON.parse(data) as { o?: Look; l?: Partial<Record<Purpose, Look>> };
      if (area === null || typeof parsed !== "object" || parsed === null) return;
      const cells = state.sheetCells(sheet);
      // The area's cells share the record's looks (a million for the cut-off's column).
      const original = shared({ ...parsed.o });
      const looks = shared({ ...parsed.l });
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) cells.set(cellKey(r, c), { original, looks });
        if ((r & 4095) === 4095) await pause();
      }
    }
  } catch {
    // A damaged record (someone edited the sheet) is skipped; the rest still restores.
  }
}

/** The state as rows of [kind, sheet, address, data]; equal neighbouring cells share one record. */
export async function stateRows(state: AddinState): Promise<string[][]> {
  const pause = pauser();
  let i = 0;
  const rows: string[][] = [MARKER];
  for (const name of [...state.ownSheets].sort()) rows.push(["sheet", name, "", ""]);
  for (const [key, json] of [...state.settings].sort()) rows.push(["setting", key, "", json]);
  for (const [sheet, blocks] of state.blocks)
    for (const b of blocks) rows.push(["block", sheet, areaA1(b.area), b.plain ? "plain" : ""]);
  for (const [sheet, cells] of state.cells) {
    const groups = new Map<string, { row: number; column: number }[]>();
    for (const [key, d] of cells) {
      if ((++i & 4095) === 0) await pause();
      const json = JSON.stringify({ o: d.original, l: d.looks });
      const list = groups.get(json);
      const cell = { row: keyRow(key), column: keyColumn(key) };
      if (list === undefined) groups.set(json, [cell]);
      else list.push(cell);
    }
    for (const [json, list] of groups) {
      for (const area of await cellsToAreasInSlices(list, pause)) rows.push(["cell", sheet, areaA1(area), json]);
    }
  }
  return rows;
}

/** Creates the state sheet, very hidden where ExcelApi 1.2 allows (setting visibility is 1.2). */
export function createStateSheetOps(context: Excel.RequestContext, state: AddinState, caps: Capabilities): QueuedOp[] {
  if (state.sheetExists) return [];
  return [
    {
      requestBytes: 200,
      once: true,
      queue: () => {
        const ws = context.workbook.worksheets.add(STATE_SHEET_NAME);
        if (caps.v1_2) ws.visibility = "VeryHidden";
      },
    },
  ];
}

/**
 * Operations that write the state into its sheet (created by createStateSheetOps). They
 * go before any change to a user cell: a cell's original is recorded before its look changes.
 */
export async function saveStateOps(context: Excel.RequestContext, state: AddinState): Promise<QueuedOp[]> {
  const rows = await stateRows(state);
  const ops: QueuedOp[] = [];
  const sheet = (): Excel.Worksheet => context.workbook.worksheets.getItem(STATE_SHEET_NAME);
  if (state.sheetExists && state.storedRows > rows.length) {
    const stale = { top: rows.length, left: 0, bottom: state.storedRows - 1, right: 3 };
    ops.push({ requestBytes: 200, queue: () => sheet().getRange(areaA1(stale)).clear("Contents") });
  }
  for (let top = 0; top < rows.length; top += ROWS_PER_READ) {
    const part = rows.slice(top, top + ROWS_PER_READ).map((r) => r.map((v) => toExcelValue(v)));
    const area: Area = { top, left: 0, bottom: top + part.length - 1, right: 3 };
    ops.push(
      areaWriteOp(
        area,
        (a) => gridBytes(part.slice(a.top - top, a.bottom - top + 1)) + 100,
        (a) => (sheet().getRange(areaA1(a)).values = part.slice(a.top - top, a.bottom - top + 1)),
      ),
    );
  }
  return ops;
}
