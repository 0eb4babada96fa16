/**
 * A1 addresses for the requests the adapter sends. Sheet names are always quoted in
 * references; addresses inside worksheet.getRange/getRanges carry no sheet name.
 */
import { columnLetter } from "../core/cells";

/** A rectangle of cells, 0-based and inclusive (Office's rowIndex/columnIndex). */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const areaRows = (a: Area): number => a.bottom - a.top + 1;
export const areaColumns = (a: Area): number => a.right - a.left + 1;

/** An area cut into row bands of at most `maxCells` cells (at least one row each). */
export function rowBands(a: Area, maxCells: number): Area[] {
  const rows = Math.max(1, Math.floor(maxCells / areaColumns(a)));
  const out: Area[] = [];
  for (let top = a.top; top <= a.bottom; top += rows)
    out.push({ ...a, top, bottom: Math.min(a.bottom, top + rows - 1) });
  return out;
}

/** "B3" from 0-based row and column. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "B3" or "B3:D9". */
export function areaA1(a: Area): string {
  const first = cellA1(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellA1(a.bottom, a.right)}`;
}

/** A sheet name as formulas and hyperlinks reference it: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "B3" -> 0-based { row, column }, or null. */
export function parseCellA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** "B3:D9" or "B3" -> Area, or null. */
export function parseAreaA1(address: string): Area | null {
  const [a, b = a] = address.split(":");
  const p = parseCellA1(a);
  const q = parseCellA1(b);
  if (p === null || q === null) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

/**
 * Groups cells into rectangles, so formats are applied per rectangle, never cell by cell:
 * runs along rows merged down, or runs down columns merged across, whichever gives fewer.
 */
export function cellsToAreas(cells: Iterable<{ readonly row: number; readonly column: number }>): Area[] {
  const steps = areaSteps(cells);
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

/**
 * cellsToAreas in slices, for the million cells of a full-height column (the cut-off's
 * highlight): `pause` is awaited every few thousand cells, between the two sorts.
 */
export async function cellsToAreasInSlices(
  cells: Iterable<{ readonly row: number; readonly column: number }>,
  pause: () => Promise<void>,
): Promise<Area[]> {
  const steps = areaSteps(cells);
  let step = steps.next();
  while (step.done !== true) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** Cells handled between two steps of areaSteps. */
const STEP_CELLS = 16_384;

/** cellsToAreas's work, stopping (a yield) every STEP_CELLS cells; returns the areas. */
function* areaSteps(cells: Iterable<{ readonly row: number; readonly column: number }>): Generator<void, Area[]> {
  const list = [...cells];
  yield;
  const byRows = yield* mergeRuns(
    list,
    (c) => c.row,
    (c) => c.column,
  );
  const byColumns = yield* mergeRuns(
    list,
    (c) => c.column,
    (c) => c.row,
  );
  const flip = (a: Area): Area => ({ top: a.left, left: a.top, bottom: a.right, right: a.bottom });
  const out = byColumns.length < byRows.length ? byColumns.map(flip) : byRows;
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Above any row or column index (1,048,576 rows, 16,384 columns). */
const SPAN = 2 ** 21;

/** Runs along each line, merged with equal runs on the following lines (top/bottom are lines). */
function* mergeRuns<T>(cells: readonly T[], lineOf: (c: T) => number, atOf: (c: T) => number): Generator<void, Area[]> {
  const keys = new Float64Array(cells.length);
  cells.forEach((c, i) => (keys[i] = lineOf(c) * SPAN + atOf(c)));
  yield;
  keys.sort();
  yield;
  const open = new Map<number, { top: number; bottom: number; left: number; right: number }>();
  const done: Area[] = [];
  const close = (line: number, left: number, right: number): void => {
    // An area not extended on a line stays open until its run comes back, or the end.
    const id = left * SPAN + right;
    const area = open.get(id);
    if (area !== undefined && area.bottom === line - 1) area.bottom = line;
    else {
      if (area !== undefined) done.push(area);
      open.set(id, { top: line, bottom: line, left, right });
    }
  };
  let line = -1;
  let left = -1;
  let right = -2;
  for (let i = 0; i < keys.length; i++) {
    if ((i & (STEP_CELLS - 1)) === STEP_CELLS - 1) yield;
    const k = keys[i];
    const l = Math.floor(k / SPAN);
    const at = k - l * SPAN;
    if (l === line && at <= right + 1) {
      right = Math.max(right, at);
      continue;
    }
    if (line >= 0) close(line, left, right);
    line = l;
    left = at;
    right = at;
  }
  if (line >= 0) close(line, left, right);
  done.push(...open.values());
  return done;
}
