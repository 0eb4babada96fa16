/**
 * The looks the add-in gives user cells (mark fills, cut-off fills, computed-column
 * formats), applied so they can always be taken back: a cell's original look is read and
 * recorded before its first change, looks are drawn per purpose over it, and a cell no
 * purpose concerns any more gets its original back. Looks are written per rectangle
 * (RangeAreas on ExcelApi 1.9, one range per rectangle on 1.1), never cell by cell.
 */
import { type Area, areaA1, areaColumns, areaRows, cellsToAreas, cellsToAreasInSlices, rowBands } from "./a1";
import { type QueuedOp, type QueuedRead, areaWriteOp } from "./batches";
import { invariantFormat } from "./locale";
import type { Capabilities } from "./office";
import { pauser } from "./slices";
import {
  type AddinState,
  DEFAULT_LOOK,
  type Decorated,
  LOOK_PROPERTIES,
  type Look,
  type LookProperty,
  PURPOSES,
  type Purpose,
  cellKey,
  keyColumn,
  keyRow,
  shared,
  undecorated,
  withOriginal,
  withPurpose,
} from "./state";

/**
 * Gives `purpose` exactly the looks in `looks` on one sheet. Returns the cells whose look
 * must be rewritten (new, changed, or no longer concerned).
 */
export async function setLooks(
  state: AddinState,
  sheet: string,
  purpose: Purpose,
  looks: ReadonlyMap<number, Look>,
): Promise<Set<number>> {
  const cells = state.sheetCells(sheet);
  const changed = new Set<number>();
  const pause = pauser();
  let i = 0;
  for (const [key, d] of cells) {
    if ((++i & 4095) === 0) await pause();
    if (d.looks[purpose] !== undefined && !looks.has(key)) {
      d.looks = withPurpose(d.looks, purpose, undefined);
      changed.add(key);
    }
  }
  for (const [key, look] of looks) {
    if ((++i & 4095) === 0) await pause();
    let d = cells.get(key);
    if (d === undefined) {
      d = undecorated();
      cells.set(key, d);
    }
    d.looks = withPurpose(d.looks, purpose, look);
    changed.add(key);
  }
  return changed;
}

/** Removes every purpose from every cell of a sheet (Hapus Tanda). */
export async function dropLooks(state: AddinState, sheet: string): Promise<Set<number>> {
  const cells = state.sheetCells(sheet);
  const pause = pauser();
  const keys = new Set<number>();
  let i = 0;
  for (const [key, d] of cells) {
    d.looks = shared({});
    keys.add(key);
    if ((++i & 4095) === 0) await pause();
  }
  return keys;
}

/** The look a cell should have now: its original, overdrawn by its purposes in order. */
function currentLook(d: Decorated): Look {
  const look: Look = { ...d.original };
  for (const p of PURPOSES) Object.assign(look, d.looks[p]);
  return look;
}

/** For each cell, the properties its purposes set whose original is not recorded yet. */
async function missingOriginals(
  cells: ReadonlyMap<number, Decorated>,
  keys: Iterable<number>,
): Promise<Map<number, LookProperty[]>> {
  const out = new Map<number, LookProperty[]>();
  // One shared list per combination of properties (there are 16): no array per cell.
  const lists = new Map<number, LookProperty[]>();
  const pause = pauser();
  let i = 0;
  for (const key of keys) {
    if ((++i & 4095) === 0) await pause();
    const d = cells.get(key);
    if (d === undefined) continue;
    let mask = 0;
    for (const u of PURPOSES) {
      const look = d.looks[u];
      if (look === undefined) continue;
      LOOK_PROPERTIES.forEach((p, i) => {
        if (look[p] !== undefined && !(p in d.original)) mask |= 1 << i;
      });
    }
    if (mask === 0) continue;
    let list = lists.get(mask);
    if (list === undefined) {
      list = LOOK_PROPERTIES.filter((_, i) => (mask & (1 << i)) !== 0);
      lists.set(mask, list);
    }
    out.set(key, list);
  }
  return out;
}

const inside = (a: Area | null, row: number, column: number): boolean =>
  a !== null && row >= a.top && row <= a.bottom && column >= a.left && column <= a.right;

const WHITE = "#FFFFFF";

/**
 * A fill as recorded (null: no fill) from what Office reports. Office reports "no fill" as
 * white, and real Excel gives pattern null for both no fill and a white fill (office-js
 * #4900, #6218), so a null pattern is never trusted: white counts as a fill only when the
 * pattern says "Solid" or tintAndShade (ExcelApi 1.9, null for no fill per #4900) is a
 * number. Anything else white is taken for no fill: restored with fill.clear(), the
 * gridlines stay visible (a white fill would hide them).
 */
function fillOf(color: string | null | undefined, pattern?: string | null, tint?: number | null): string | null {
  if (color === null || color === undefined || pattern === "None") return null;
  const upper = color.toUpperCase();
  if (upper !== WHITE) return upper;
  return pattern === "Solid" || typeof tint === "number" ? WHITE : null;
}

/** Whether a range's fill, read as a whole, is one known fill for all its cells. */
function uniformFill(fill: Excel.RangeFill, v1_9: boolean): boolean {
  if (fill.color === null) return false;
  if (!v1_9 || fill.color.toUpperCase() !== WHITE) return true;
  // White over a range: no fill everywhere, white everywhere, or a mix; only a definite answer counts.
  return fill.pattern === "None" || fill.pattern === "Solid" || typeof fill.tintAndShade === "number";
}

/**
 * Reads the originals the planned looks need. Cells outside the formatted used range have
 * Excel's default look, so only cells inside it are read, per rectangle: first the
 * rectangle's fill and font (one value each when uniform), then, only for rectangles whose
 * cells differ, per cell (getCellProperties on ExcelApi 1.9, one range per cell on 1.1).
 * On 1.1 a white fill cannot be told from no fill (both read "#FFFFFF"): it is taken for no fill.
 */
export async function originalReads(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  sheet: string,
  formatted: Area | null,
  keys: Iterable<number>,
  /** The locale's decimal separator once read (ExcelApi 1.11), else null. */
  decimal: () => string | null = () => null,
): Promise<{ reads: QueuedRead[]; mixed: () => QueuedRead[] }> {
  const cells = state.sheetCells(sheet);
  const missing = await missingOriginals(cells, keys);
  const toRead: { row: number; column: number }[] = [];
  const pause = pauser();
  let i = 0;
  for (const [key, props] of missing) {
    if ((++i & 4095) === 0) await pause();
    const row = keyRow(key);
    const column = keyColumn(key);
    const d = cells.get(key) as Decorated;
    if (inside(formatted, row, column)) toRead.push({ row, column });
    else d.original = withOriginal(d.original, props, DEFAULT_LOOK);
  }
  const record = (row: number, column: number, look: Look): void => {
    const key = cellKey(row, column);
    const d = cells.get(key);
    const props = missing.get(key);
    if (d === undefined || props === undefined) return;
    d.original = withOriginal(d.original, props, look);
  };
  const ws = (): Excel.Worksheet => context.workbook.worksheets.getItem(sheet);
  const mixedAreas: Area[] = [];
  // Bands keep each response small (a number format is about 16 bytes a cell).
  // Bands of READ_BAND_CELLS: each band's answer is recorded cell by cell in one go after its sync.
  // In slices: at full height the cut-off's column alone is a million cells.
  const bands = (await cellsToAreasInSlices(toRead, pause)).flatMap((a) => rowBands(a, READ_BAND_CELLS));
  const reads: QueuedRead[] = [];
  for (const area of bands) {
    await pause();
    const needs = new Set<LookProperty>();
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) for (const p of missing.get(cellKey(r, c)) ?? []) needs.add(p);
    const wantsFont = needs.has("bold") || needs.has("fontColor");
    reads.push({
      responseBytes: 300 + (needs.has("numberFormat") ? areaRows(area) * areaColumns(area) * 32 : 0),
      queue: () => {
        const range = ws().getRange(areaA1(area));
        // numberFormatLocal (1.7) beside it tells an en-US answer from one in the locale's form (#2824).
        const formats = !needs.has("numberFormat")
          ? null
          : caps.v1_7
            ? range.load("numberFormat,numberFormatLocal")
            : range.load("numberFormat");
        // fill.pattern and tintAndShade (ExcelApi 1.9) may tell no fill from a white fill.
        const fill = !needs.has("fill")
          ? null
          : caps.v1_9
            ? range.format.fill.load("color,pattern,tintAndShade")
            : range.format.fill.load("color");
        const font = wantsFont ? range.format.font.load("bold,color") : null;
        return () => {
          const uniform =
            (fill === null || uniformFill(fill, caps.v1_9)) &&
            (font === null || (font.bold !== null && font.color !== null));
          if (!uniform) mixedAreas.push(area);
          for (let i = 0; i < areaRows(area); i++) {
            for (let j = 0; j < areaColumns(area); j++) {
              const look: Look = {};
              if (formats !== null)
                look.numberFormat = invariantFormat(
                  formats.numberFormat[i][j] as string,
                  caps.v1_7 ? (formats.numberFormatLocal[i][j] as string) : null,
                  decimal(),
                );
              if (uniform && fill !== null)
                look.fill = caps.v1_9 ? fillOf(fill.color, fill.pattern, fill.tintAndShade) : fillOf(fill.color);
              if (uniform && font !== null) {
                look.bold = font.bold;
                look.fontColor = font.color.toUpperCase();
              }
              record(area.top + i, area.left + j, look);
            }
          }
        };
      },
    });
  }
  const mixed = (): QueuedRead[] =>
    mixedAreas.flatMap((area) =>
      caps.v1_9
        ? rowBands(area, BAND_CELLS / 8).map((band) => cellPropertiesRead(ws, band, record))
        : cellByCellReads(ws, area, record),
    );
  return { reads, mixed };
}

type Recorder = (row: number, column: number, look: Look) => void;

/** ExcelApi 1.9: every cell's fill and font of a rectangle in one call. */
function cellPropertiesRead(ws: () => Excel.Worksheet, area: Area, record: Recorder): QueuedRead {
  return {
    responseBytes: areaRows(area) * areaColumns(area) * 110 + 200,
    queue: () => {
      const props = ws()
        .getRange(areaA1(area))
        .getCellProperties({
          format: { fill: { color: true, pattern: true, tintAndShade: true }, font: { bold: true, color: true } },
        });
      return () =>
        props.value.forEach((line, i) =>
          line.forEach((p, j) =>
            record(area.top + i, area.left + j, {
              fill: fillOf(p.format?.fill?.color, p.format?.fill?.pattern, p.format?.fill?.tintAndShade),
              bold: p.format?.font?.bold ?? false,
              fontColor: (p.format?.font?.color ?? "#000000").toUpperCase(),
            }),
          ),
        );
    },
  };
}

/** ExcelApi 1.1: one range per cell, only for rectangles whose cells differ. */
function cellByCellReads(ws: () => Excel.Worksheet, area: Area, record: Recorder): QueuedRead[] {
  const out: QueuedRead[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      out.push({
        responseBytes: 120,
        queue: () => {
          const cell = ws().getRange(areaA1({ top: r, left: c, bottom: r, right: c }));
          const fill = cell.format.fill.load("color");
          const font = cell.format.font.load("bold,color");
          return () => record(r, c, { fill: fillOf(fill.color), bold: font.bold, fontColor: font.color.toUpperCase() });
        },
      });
    }
  }
  return out;
}

/** Cells per read or write of per-cell formats: about 1.5 MB of number formats. */
const BAND_CELLS = 100_000;
/** Cells per read of originals: recording one band's answer stays well under a slice of the UI thread. */
const READ_BAND_CELLS = 25_000;

/** Longest address list given to worksheet.getRanges in one call. */
const MAX_AREAS_ADDRESS = 4_000;

/**
 * Operations that give `keys` their current looks. Cells left with no purpose are then
 * dropped from the state (their original is back).
 */
export async function lookOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  sheet: string,
  keys: Iterable<number>,
): Promise<QueuedOp[]> {
  const cells = state.sheetCells(sheet);
  const groups: LookCells = new Map();
  const pause = pauser();
  let i = 0;
  for (const key of keys) {
    if ((++i & 4095) === 0) await pause();
    const d = cells.get(key);
    if (d === undefined) continue;
    addLook(groups, keyRow(key), keyColumn(key), currentLook(d));
    if (Object.keys(d.looks).length === 0) cells.delete(key);
  }
  const looks: LookGroup[] = [];
  for (const g of groups.values())
    looks.push({ prop: g.prop, value: g.value, areas: await cellsToAreasInSlices(g.cells, pause) });
  return groupOps(context, caps, sheet, looks);
}

/** Cells sharing one value of one look property, as rectangles. */
export interface LookGroup {
  readonly prop: LookProperty;
  readonly value: unknown;
  readonly areas: readonly Area[];
}

/** Cells by look property and value, before they become rectangles. */
type LookCells = Map<string, { prop: LookProperty; value: unknown; cells: { row: number; column: number }[] }>;

/** A look's properties, each with the id of its group. */
type LookParts = readonly { readonly id: string; readonly prop: LookProperty; readonly value: unknown }[];

function lookParts(look: Look): LookParts {
  const parts: { id: string; prop: LookProperty; value: unknown }[] = [];
  for (const prop of LOOK_PROPERTIES) {
    const value = look[prop];
    if (value === undefined) continue;
    parts.push({ prop, value, id: `${prop}\u0000${typeof value === "string" ? `s${value}` : JSON.stringify(value)}` });
  }
  return parts;
}

function addLook(groups: LookCells, row: number, column: number, look: Look, parts = lookParts(look)): void {
  for (const { id, prop, value } of parts) {
    let group = groups.get(id);
    if (group === undefined) {
      group = { prop, value, cells: [] };
      groups.set(id, group);
    }
    group.cells.push({ row, column });
  }
}

const lookGroups = (groups: LookCells): LookGroup[] =>
  [...groups.values()].map((g) => ({ prop: g.prop, value: g.value, areas: cellsToAreas(g.cells) }));

/** Operations that set looks on cells, grouped by property and value into rectangles. */
export function formatOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  sheet: string,
  entries: Iterable<{ readonly row: number; readonly column: number; readonly look: Look }>,
): QueuedOp[] {
  const groups: LookCells = new Map();
  // Entries mostly share a few look objects (out-sheets.ts cellLook): their parts are worked out once each.
  const known = new Map<Look, LookParts>();
  for (const { row, column, look } of entries) {
    let parts = known.get(look);
    if (parts === undefined) {
      parts = lookParts(look);
      known.set(look, parts);
    }
    addLook(groups, row, column, look, parts);
  }
  return groupOps(context, caps, sheet, lookGroups(groups));
}

/** Operations for look groups: RangeAreas on ExcelApi 1.9, one range per rectangle before. */
export function groupOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  sheet: string,
  groups: readonly LookGroup[],
): QueuedOp[] {
  const ws = (): Excel.Worksheet => context.workbook.worksheets.getItem(sheet);
  const ops: QueuedOp[] = [];
  for (const { prop, value, areas } of groups) {
    if (prop === "numberFormat") {
      for (const area of areas.flatMap((a) => rowBands(a, BAND_CELLS))) {
        ops.push(
          areaWriteOp(
            area,
            (a) => areaRows(a) * areaColumns(a) * ((value as string).length + 3) + 100,
            (a) =>
              (ws().getRange(areaA1(a)).numberFormat = Array.from({ length: areaRows(a) }, () =>
                new Array<string>(areaColumns(a)).fill(value as string),
              )),
          ),
        );
      }
      continue;
    }
    const apply = (format: Excel.RangeFormat): void => {
      if (prop === "fill") {
        if (value === null) format.fill.clear();
        else format.fill.color = value as string;
      } else if (prop === "bold") format.font.bold = value as boolean;
      else format.font.color = value as string;
    };
    if (caps.v1_9) {
      for (const list of areaLists(areas))
        ops.push(areasOp(list, (addresses) => apply(ws().getRanges(addresses).format)));
    } else {
      for (const area of areas) ops.push({ requestBytes: 150, queue: () => apply(ws().getRange(areaA1(area)).format) });
    }
  }
  return ops;
}

/** Areas per worksheet.getRanges call, and the longest address list: Excel has refused 513 areas (#5198). */
const MAX_AREAS = 100;

/** The areas in lists of at most MAX_AREAS areas and MAX_AREAS_ADDRESS characters. */
function areaLists(areas: readonly Area[]): Area[][] {
  const lists: Area[][] = [];
  let current: Area[] = [];
  let length = 0;
  for (const area of areas) {
    const a = areaA1(area).length + 1;
    if (current.length > 0 && (current.length >= MAX_AREAS || length + a > MAX_AREAS_ADDRESS)) {
      lists.push(current);
      current = [];
      length = 0;
    }
    current.push(area);
    length += a;
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** One getRanges call over `areas`; split in two halves if Excel refuses it (InvalidArgument). */
function areasOp(areas: readonly Area[], queue: (addresses: string) => void): QueuedOp {
  const addresses = areas.map(areaA1).join(",");
  const half = Math.ceil(areas.length / 2);
  return {
    requestBytes: addresses.length + 150,
    areas: areas.length,
    queue: () => queue(addresses),
    ...(areas.length > 1
      ? { split: () => [areasOp(areas.slice(0, half), queue), areasOp(areas.slice(half), queue)] }
      : {}),
  };
}
