/**
 * The computed columns beside each personnel table (tenure, age, category...). A re-run
 * updates the previous set in place: a column is the add-in's when its header cell holds
 * one of its headers (either language) and the state recorded the block it wrote. A
 * column holding anything else of the user's is never overwritten: that sheet gets a
 * message and no computed columns.
 */
import { DATE_FORMAT, type OutCell } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { isComputedHeader } from "../core/engine";
import { type Area, areaA1 } from "./a1";
import { BATCH_BYTES, type QueuedOp, type QueuedRead, areaWriteOp, gridBytes, readBatches } from "./batches";
import { isDateValue, toExcelValue } from "./cells";
import { type LookGroup, groupOps, setLooks } from "./looks";
import type { Capabilities } from "./office";
import type { SheetExtent } from "./read";
import {
  type AddinState,
  DEFAULT_LOOK,
  LOOK_PROPERTIES,
  type Look,
  type LookProperty,
  cellKey,
  keyColumn,
  keyRow,
} from "./state";
import { applyExtras, extraLook, extraRuns, styleLook } from "./styles";
import type { ComputedSet } from "../core/computed-rows";
import { lookOfStyle } from "../core/output";

export interface ComputedPlan {
  /** Value writes and clears of stale cells. */
  readonly ops: QueuedOp[];
  /** Per sheet, the cells whose look changes (originals still to be read). */
  readonly lookChanges: Map<string, Set<number>>;
  /** Sheets where user data sits where the columns would go: nothing written there. */
  readonly conflicts: { readonly sheet: string; readonly columns: string[] }[];
  readonly people: number;
}

/** A column the add-in wrote earlier: rows top..bottom (0-based); `plain`: default look before. */
interface Owned {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  readonly plain?: boolean;
}

const isEmpty = (v: unknown): boolean => v === "" || v === null || v === undefined;
const ROWS_PER_READ = 100_000;

/** Where a set of computed columns goes (0-based). */
function computedBlock(cc: ComputedSet): Area {
  const top = cc.headerRow - 1;
  return { top, left: cc.startColumnIndex, bottom: cc.lastRow - 1, right: cc.startColumnIndex + cc.headers.length - 1 };
}

/**
 * Plans the computed columns for `sets` (one per personnel sheet). Sheets that had
 * computed columns and have none now get theirs removed; with no sets at all, every
 * computed column goes (Hapus Tanda).
 */
export async function planComputed(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  sets: readonly ComputedSet[],
  extents: ReadonlyMap<string, SheetExtent>,
): Promise<ComputedPlan> {
  const bySheet = new Map(sets.map((cc) => [cc.sheet, cc] as const));
  const sheets = [...new Set([...state.blocks.keys(), ...bySheet.keys()])];
  const ws = (sheet: string): Excel.Worksheet => context.workbook.worksheets.getItem(sheet);

  // 1. Header cells of earlier blocks and of the new ones: whose columns are whose.
  const owned = new Map<string, Owned[]>();
  const targetHeaders = new Map<string, unknown[]>();
  const headerReads: QueuedRead[] = [];
  for (const sheet of sheets) {
    for (const { area: b, plain } of state.blocks.get(sheet) ?? []) {
      headerReads.push({
        responseBytes: (b.right - b.left + 1) * 40,
        queue: () => {
          const r = ws(sheet)
            .getRange(areaA1({ ...b, bottom: b.top }))
            .load("values");
          return () =>
            r.values[0].forEach((v, j) => {
              if (typeof v === "string" && isComputedHeader(v))
                owned.set(sheet, [
                  ...(owned.get(sheet) ?? []),
                  { column: b.left + j, top: b.top, bottom: b.bottom, plain },
                ]);
            });
        },
      });
    }
    const cc = bySheet.get(sheet);
    if (cc !== undefined) {
      const block = computedBlock(cc);
      headerReads.push({
        responseBytes: cc.headers.length * 40,
        queue: () => {
          const r = ws(sheet)
            .getRange(areaA1({ ...block, bottom: block.top }))
            .load("values");
          return () => targetHeaders.set(sheet, r.values[0]);
        },
      });
    }
  }
  await readBatches(context, headerReads);

  // 2. The new blocks' cells not known to be the add-in's, where the sheet has values.
  const conflicts = new Map<string, Set<number>>();
  const conflict = (sheet: string, column: number): void => {
    conflicts.set(sheet, (conflicts.get(sheet) ?? new Set()).add(column));
  };
  const bodyReads: QueuedRead[] = [];
  for (const cc of sets) {
    const block = computedBlock(cc);
    const values = extents.get(cc.sheet)?.values ?? null;
    const mine = owned.get(cc.sheet) ?? [];
    const headers = targetHeaders.get(cc.sheet) ?? [];
    for (let c = block.left; c <= block.right; c++) {
      const header = headers[c - block.left];
      // A header the add-in writes marks the column as its own even if the state was lost.
      if (typeof header === "string" && isComputedHeader(header)) continue;
      const covered = mine.filter((o) => o.column === c);
      if (!isEmpty(header) && !covered.some((o) => o.top <= block.top && block.top <= o.bottom)) conflict(cc.sheet, c);
      if (values === null || c < values.left || c > values.right) continue;
      for (const [top, bottom] of uncovered(
        Math.max(block.top + 1, values.top),
        Math.min(block.bottom, values.bottom),
        covered,
      )) {
        for (let from = top; from <= bottom; from += ROWS_PER_READ) {
          const segment: Area = { top: from, bottom: Math.min(bottom, from + ROWS_PER_READ - 1), left: c, right: c };
          bodyReads.push({
            responseBytes: (segment.bottom - segment.top + 1) * 40,
            queue: () => {
              const r = ws(cc.sheet).getRange(areaA1(segment)).load("values");
              return () => {
                if (r.values.some((line) => !isEmpty(line[0]))) conflict(cc.sheet, c);
              };
            },
          });
        }
      }
    }
  }
  await readBatches(context, bodyReads);

  // 3. Clear what is stale, write the new values, plan the looks.
  const ops: QueuedOp[] = [];
  const lookChanges = new Map<string, Set<number>>();
  let people = 0;
  for (const sheet of sheets) {
    if (conflicts.has(sheet)) continue;
    const cc = bySheet.get(sheet);
    const block = cc === undefined ? null : computedBlock(cc);
    const mine = owned.get(sheet) ?? [];
    // Cells of earlier plain blocks had Excel's default look: clearing their formats restores it.
    for (const o of mine.filter((x) => x.plain)) {
      ops.push({
        requestBytes: 200,
        queue: () =>
          ws(sheet)
            .getRange(areaA1({ top: o.top, bottom: o.bottom, left: o.column, right: o.column }))
            .clear("Formats"),
      });
    }
    for (const area of staleAreas(mine, block)) {
      ops.push({ requestBytes: 200, queue: () => ws(sheet).getRange(areaA1(area)).clear("Contents") });
    }
    const looks = new Map<number, Look>();
    if (cc !== undefined && block !== null) {
      ops.push(...valueOps(ws, cc, block));
      people += cc.count;
      const plain = isPlain(block, mine, extents.get(sheet)?.formatted ?? null);
      state.blocks.set(sheet, [{ area: block, plain }]);
      if (plain) {
        // No per-cell originals: the block's looks are drawn, column by column, on default cells.
        ops.push(...groupOps(context, caps, sheet, blockLookGroups(cc, block)));
        // And the rest of the core's look (the headers' border and wrap, as on the command line's
        // copy): only here, where Hapus Tanda clears the block's formats whole.
        ops.push(...headerExtraOps(() => ws(sheet), cc, block));
      } else {
        addLooks(looks, block.top, block.left, [cc.headers]);
        for (const r of cc.entries()) addLooks(looks, r.row - 1, block.left, [r.cells]);
        // Cells of earlier plain blocks are known to have had the default look.
        const cells = state.sheetCells(sheet);
        for (const key of looks.keys()) {
          if (
            !cells.has(key) &&
            mine.some((o) => o.plain && o.column === keyColumn(key) && o.top <= keyRow(key) && keyRow(key) <= o.bottom)
          ) {
            cells.set(key, { original: { ...DEFAULT_LOOK }, looks: {} });
          }
        }
      }
    } else state.blocks.delete(sheet);
    lookChanges.set(sheet, await setLooks(state, sheet, "computed", looks));
  }
  // Sheets whose computed looks outlived their block (a damaged state) lose them too.
  for (const sheet of state.cells.keys()) {
    if (!lookChanges.has(sheet) && !conflicts.has(sheet) && !bySheet.has(sheet))
      lookChanges.set(sheet, await setLooks(state, sheet, "computed", new Map()));
  }
  return {
    ops,
    lookChanges,
    conflicts: [...conflicts].map(([sheet, columns]) => ({
      sheet,
      columns: [...columns].sort((a, b) => a - b).map(columnLetter),
    })),
    people,
  };
}

/**
 * True when every cell of the block had Excel's default look: it lies in an earlier plain
 * block of the add-in's, or outside the formatted used range.
 */
function isPlain(block: Area, mine: readonly Owned[], formatted: Area | null): boolean {
  for (let c = block.left; c <= block.right; c++) {
    const plainHere = mine.filter((o) => o.plain && o.column === c);
    for (const [top, bottom] of uncovered(block.top, block.bottom, plainHere)) {
      if (
        formatted !== null &&
        c >= formatted.left &&
        c <= formatted.right &&
        top <= formatted.bottom &&
        bottom >= formatted.top
      )
        return false;
    }
  }
  return true;
}

/** Row intervals of [top, bottom] not inside any covered interval. */
function uncovered(top: number, bottom: number, covered: readonly Owned[]): [number, number][] {
  let parts: [number, number][] = top <= bottom ? [[top, bottom]] : [];
  for (const o of covered) {
    parts = parts.flatMap(([a, b]): [number, number][] => {
      if (o.bottom < a || o.top > b) return [[a, b]];
      const out: [number, number][] = [];
      if (a < o.top) out.push([a, o.top - 1]);
      if (o.bottom < b) out.push([o.bottom + 1, b]);
      return out;
    });
  }
  return parts;
}

/** Cells of earlier computed columns outside the new block, as areas to clear. */
function staleAreas(owned: readonly Owned[], block: Area | null): Area[] {
  const out: Area[] = [];
  for (const o of owned) {
    const inNew = block !== null && o.column >= block.left && o.column <= block.right;
    for (const [top, bottom] of inNew
      ? uncovered(o.top, o.bottom, [{ column: o.column, top: block.top, bottom: block.bottom }])
      : [[o.top, o.bottom] as [number, number]]) {
      out.push({ top, bottom, left: o.column, right: o.column });
    }
  }
  return out;
}

/**
 * The values of a block: the header row, then one row per Excel row (blank where no
 * person). Each part is built when its batch is queued, so no long stretch builds them all.
 */
function valueOps(ws: (sheet: string) => Excel.Worksheet, cc: ComputedSet, block: Area): QueuedOp[] {
  const width = cc.headers.length;
  const line = (row: number): (string | number | boolean)[] => {
    if (row === block.top) return cc.headers.map((h) => toExcelValue(h.value));
    const cells = cc.cellsAt(row + 1);
    return Array.from({ length: width }, (_, j) => toExcelValue(cells?.[j]?.value ?? null));
  };
  const sample = Array.from({ length: Math.min(50, block.bottom - block.top + 1) }, (_, i) => line(block.top + i));
  const perRow = Math.max(1, gridBytes(sample) / sample.length);
  const rowsPerOp = Math.max(1, Math.floor((BATCH_BYTES * 0.4) / perRow));
  const ops: QueuedOp[] = [];
  for (let top = block.top; top <= block.bottom; top += rowsPerOp) {
    const area: Area = { ...block, top, bottom: Math.min(block.bottom, top + rowsPerOp - 1) };
    ops.push(
      areaWriteOp(
        area,
        (a) => Math.ceil(perRow * (a.bottom - a.top + 1) * 1.25) + 100,
        (a) =>
          (ws(cc.sheet).getRange(areaA1(a)).values = Array.from({ length: a.bottom - a.top + 1 }, (_, i) =>
            line(a.top + i),
          )),
      ),
    );
  }
  return ops;
}

/** The headers' extras (styles.ts extraLook), one op per run of headers that share them. */
function headerExtraOps(sheet: () => Excel.Worksheet, cc: ComputedSet, block: Area): QueuedOp[] {
  return extraRuns(cc.headers.length, (j) => extraLook(lookOfStyle(cc.headers[j]?.style))).map(
    ({ start, end, extra }) => {
      const area = areaA1({ top: block.top, bottom: block.top, left: block.left + start, right: block.left + end - 1 });
      return { requestBytes: 300, queue: () => applyExtras(sheet().getRange(area).format, extra, 1, end - start) };
    },
  );
}

/** The look of one output cell: its style, and a date format for dates. */
function lookOf(cell: OutCell | undefined): Look {
  if (cell === undefined) return {};
  const look: Look = { ...styleLook(cell.style) };
  const format = cell.numberFormat ?? (isDateValue(cell.value) ? DATE_FORMAT : undefined);
  if (format !== undefined) look.numberFormat = format;
  return look;
}

/** Whether two output cells get the same look (compared without building it). */
function sameLook(a: OutCell | undefined, b: OutCell | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.style === b.style && a.numberFormat === b.numberFormat && isDateValue(a.value) === isDateValue(b.value);
}

/** The looks of a block as runs down each column (cells of one column mostly share a look). */
function blockLookGroups(cc: ComputedSet, block: Area): LookGroup[] {
  const groups = new Map<string, { prop: LookProperty; value: unknown; areas: Area[] }>();
  const add = (look: Look, area: Area): void => {
    for (const prop of LOOK_PROPERTIES) {
      const value = look[prop];
      if (value === undefined) continue;
      const id = `${prop}\u0000${String(value)}`;
      const group = groups.get(id) ?? { prop, value, areas: [] };
      group.areas.push(area);
      groups.set(id, group);
    }
  };
  cc.headers.forEach((h, j) =>
    add(lookOf(h), { top: block.top, bottom: block.top, left: block.left + j, right: block.left + j }),
  );
  // One pass down the rows, a run per column (rows are looked up once, not once per column).
  const width = cc.headers.length;
  const runs: (OutCell | undefined)[] = new Array<OutCell | undefined>(width).fill(undefined);
  const starts: number[] = new Array<number>(width).fill(block.top + 1);
  const flush = (j: number, end: number): void => {
    const run = runs[j];
    const column = block.left + j;
    if (run !== undefined && end >= starts[j])
      add(lookOf(run), { top: starts[j], bottom: end, left: column, right: column });
  };
  for (let row = block.top + 1; row <= block.bottom; row++) {
    const cells = cc.cellsAt(row + 1);
    for (let j = 0; j < width; j++) {
      const cell = cells?.[j];
      if (!sameLook(cell, runs[j])) {
        flush(j, row - 1);
        runs[j] = cell;
        starts[j] = row;
      }
    }
  }
  for (let j = 0; j < width; j++) flush(j, block.bottom);
  return [...groups.values()];
}

/** The looks of rows of output cells, per cell (for blocks whose cells need their originals kept). */
function addLooks(looks: Map<number, Look>, row: number, left: number, rows: readonly (readonly OutCell[])[]): void {
  rows.forEach((cells, i) =>
    cells.forEach((cell, j) => {
      const look = lookOf(cell);
      if (Object.keys(look).length > 0) looks.set(cellKey(row + i, left + j), look);
    }),
  );
}
