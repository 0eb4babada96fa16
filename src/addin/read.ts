/**
 * Reads the open workbook into the engine, sheet by sheet and chunk by chunk, so no
 * response nears Excel on the web's 5 MB limit and no read nears its 5,000,000 cells.
 * Each chunk costs one sync: where a value looks like an Excel error, its valueTypes
 * (which tell "#N/A" the error from "#N/A" typed as text) are read with the next chunk.
 * Only the table's columns are read once the header is known, and number formats only of
 * the columns that need them. Hidden and filtered rows are read like any other: the check
 * covers them.
 */
import type { CellRow, MergeArea } from "../core/cells";
import { type CheckSession, type SheetStream } from "../core/engine";
import { HEADER_SCAN_ROWS, type TableLayout } from "../core/headers";
import type { PersonRow, SheetResult, TrainingRow, WorkbookResult } from "../core/results";
import type { Role } from "../core/vocabulary";
import { type Area, areaA1, areaColumns, areaRows } from "./a1";
import { BATCH_BYTES, gridBytes } from "./batches";
import { mayBeError, toCell } from "./cells";
import { type Capabilities, officeErrorCode } from "./office";
import { SLICE_MS, yieldToUi } from "./slices";

/** The engine looks for the header in the first 30 rows. */
const HEADER_ROWS = HEADER_SCAN_ROWS;
/** Cells per read, far under the 5,000,000-cell limit. */
const MAX_READ_CELLS = 1_000_000;
/** Rows read with the header in the first request, before bytes per row are known. */
const FIRST_DATA_ROWS = 500;
/** Above this many error-looking cells in a chunk, valueTypes is read for the whole chunk. */
const MAX_ERROR_PROBES = 2_000;
/**
 * Columns whose number format the engine needs: dates (a serial with a date format is a
 * date) and identifiers (how Excel shows a damaged NIK/NIP). Other columns' formats are
 * not read after the first chunk, which halves the bytes of each response.
 */
const FORMAT_ROLES: readonly Role[] = [
  "birthDate",
  "startDate",
  "endDate",
  "skDate",
  "date",
  "nik",
  "nip",
  "npwp",
  "nib",
];

export interface SheetExtent {
  readonly name: string;
  /** Cells holding values (0-based); null for a blank sheet. */
  readonly values: Area | null;
  /** Cells holding values or formats: outside it, every cell has Excel's default format. */
  readonly formatted: Area | null;
}

export interface ReadProgress {
  readonly onProgress?: ((done: number, total: number, phase: string) => void) | undefined;
  readonly isCancelled?: (() => boolean) | undefined;
  /** The phase text shown for a sheet. */
  readonly phase: (sheet: string) => string;
  /**
   * Takes the rows of a sheet as they become final (what SheetStream.push returns), with the
   * sheet's layout: an action keeps what it needs of each and lets the rest go (issue 10).
   */
  readonly taken?: Taken | undefined;
}

export type Taken = (sheet: string, layout: TableLayout, rows: readonly (PersonRow | TrainingRow)[]) => void;

export interface ReadOutcome {
  readonly result: WorkbookResult;
  readonly sheets: readonly SheetResult[];
}

export { yieldToUi };

/** Loads the used ranges of the given sheets in one sync. */
export async function loadExtents(
  context: Excel.RequestContext,
  names: readonly string[],
  caps: Capabilities,
): Promise<SheetExtent[]> {
  const props = "rowIndex,columnIndex,rowCount,columnCount";
  const loads = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    // getUsedRange(valuesOnly) is ExcelApi 1.2; on 1.1 the used range includes formatted cells.
    const values = caps.v1_2 ? ws.getUsedRange(true).load(props) : null;
    const formatted = ws.getUsedRange().load(props);
    // A blank sheet's used range is A1: its value tells it from a sheet holding only A1.
    const a1 = ws.getRange("A1").load("values");
    return { name, values, formatted, a1 };
  });
  await context.sync();
  const area = (r: Excel.Range): Area => ({
    top: r.rowIndex,
    left: r.columnIndex,
    bottom: r.rowIndex + r.rowCount - 1,
    right: r.columnIndex + r.columnCount - 1,
  });
  return loads.map(({ name, values, formatted, a1 }) => {
    const v = area(values ?? formatted);
    const blank = v.top === 0 && v.left === 0 && v.bottom === 0 && v.right === 0 && a1.values[0][0] === "";
    return { name, values: blank ? null : v, formatted: area(formatted) };
  });
}

interface Chunk {
  readonly area: Area;
  readonly values: Excel.Range;
  /** numberFormat of every column (first chunk) or of the format columns only. */
  readonly formats: { readonly column: number; readonly range: Excel.Range }[] | Excel.Range;
}

/** Reads every sheet into the session; null when cancelled. */
export async function readSheets(
  context: Excel.RequestContext,
  session: CheckSession,
  extents: readonly SheetExtent[],
  caps: Capabilities,
  progress: ReadProgress,
): Promise<ReadOutcome | null> {
  const total = extents.reduce((n, e) => n + (e.values === null ? 0 : areaRows(e.values)), 0);
  let done = 0;
  const sheets: SheetResult[] = [];
  for (const extent of extents) {
    const advanced = (rows: number): void => {
      done += rows;
      progress.onProgress?.(done, total, progress.phase(extent.name));
    };
    const stream =
      extent.values === null
        ? session.openSheet(extent.name)
        : await readSheet(context, session, extent.name, extent.values, caps, advanced, progress);
    if (stream === null) return null;
    // A sheet of at most 30 rows is still buffered for the header search: a blank row below
    // them makes the engine decide, so its rows reach `taken` like any other's.
    if (progress.taken !== undefined && stream.layout === null) {
      const final = stream.push(HEADER_ROWS + 1, []);
      if (final.length > 0 && stream.layout !== null) progress.taken(extent.name, stream.layout, final);
    }
    sheets.push(stream.end());
  }
  return { result: session.finishWorkbook(), sheets };
}

/** Queues a read of the merged areas of the header rows (ExcelApi 1.13); they only help to read headers. */
function queueMerges(ws: Excel.Worksheet, used: Area, caps: Capabilities): Excel.RangeAreas | null {
  if (!caps.v1_13 || used.top >= HEADER_ROWS) return null;
  const merged = ws
    .getRange(areaA1({ ...used, bottom: Math.min(used.bottom, HEADER_ROWS - 1) }))
    .getMergedAreasOrNullObject();
  merged.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
  return merged;
}

function mergesOf(merged: Excel.RangeAreas | null): MergeArea[] {
  if (merged === null || merged.isNullObject) return [];
  return merged.areas.items.map((a) => ({
    top: a.rowIndex + 1,
    left: a.columnIndex + 1,
    bottom: a.rowIndex + a.rowCount,
    right: a.columnIndex + a.columnCount,
  }));
}

function formatColumns(layout: TableLayout): number[] {
  const out = new Set<number>();
  for (const role of FORMAT_ROLES) {
    const c = layout.columns[role];
    if (c !== undefined) out.add(c);
  }
  if (layout.combinedBirthColumn !== null) out.add(layout.combinedBirthColumn);
  return [...out].sort((a, b) => a - b);
}

/** A chunk read, waiting for its error probes (answered by the next sync). */
interface Pending {
  readonly chunk: Chunk;
  readonly values: readonly (readonly unknown[])[];
  errors: () => Set<string>;
}

/**
 * Streams the rows of one sheet into a new SheetStream; null when cancelled. A chunk
 * whose values hold error-looking text waits one step: its valueTypes probes ride with
 * the next chunk's read, so each chunk costs one sync.
 */
async function readSheet(
  context: Excel.RequestContext,
  session: CheckSession,
  sheetName: string,
  used: Area,
  caps: Capabilities,
  advanced: (rows: number) => void,
  progress: ReadProgress,
): Promise<SheetStream | null> {
  const { isCancelled, taken } = progress;
  const ws = context.workbook.worksheets.getItem(sheetName);
  const merged = queueMerges(ws, used, caps);
  let stream: SheetStream | null = null;
  let next = used.top;
  let right = used.right;
  // Until the header is found every column's format is read; then only the format columns.
  let wanted: number[] | null = null;
  let rowsPerChunk = Math.max(1, HEADER_ROWS - used.top) + FIRST_DATA_ROWS;
  let pending: Pending | null = null;

  const queueNext = (): Chunk | null => {
    if (next > used.bottom) return null;
    const width = right - used.left + 1;
    const rows = Math.max(1, Math.min(rowsPerChunk, Math.floor(MAX_READ_CELLS / width), used.bottom - next + 1));
    const chunk = queueChunk(ws, { top: next, left: used.left, bottom: next + rows - 1, right }, wanted);
    next += rows;
    return chunk;
  };
  /** Pushes a chunk; false when the rest of the sheet need not be read. */
  const finish = async (p: Pending, s: SheetStream): Promise<boolean> => {
    const rows = areaRows(p.chunk.area);
    const bytes = await pushRows(s, p.chunk, p.values, p.errors(), taken && ((l, rows) => taken(sheetName, l, rows)));
    advanced(rows);
    rowsPerChunk = Math.max(1, Math.floor((BATCH_BYTES * 0.9) / Math.max(1, bytes / rows)));
    // Past row 30 the engine has looked for the header: the layout decides what else to read.
    if (p.chunk.area.bottom + 1 > HEADER_ROWS && wanted === null) {
      const layout = s.layout;
      if (layout === null || layout.kind === "other") return false;
      right = Math.min(used.right, Math.max(layout.lastColumnIndex, used.left));
      wanted = formatColumns(layout).filter((c) => c >= used.left && c <= right);
    }
    return true;
  };

  let chunk = queueNext();
  while (chunk !== null || pending !== null) {
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of at most ~3.5 MB, never per row or cell
      await context.sync();
    } catch (error) {
      // A response over the limit (rows far longer than the ones measured): halve and retry.
      if (officeErrorCode(error) !== "ResponsePayloadSizeLimitExceeded" || chunk === null || areaRows(chunk.area) === 1)
        throw error;
      next = chunk.area.top;
      rowsPerChunk = Math.max(1, Math.floor(areaRows(chunk.area) / 2));
      chunk = queueNext();
      if (pending !== null) pending.errors = queueProbes(pending.chunk, pending.values).collect;
      continue;
    }
    stream ??= session.openSheet(sheetName, undefined, mergesOf(merged));
    if (pending !== null && !(await finish(pending, stream))) {
      advanced(used.bottom - pending.chunk.area.bottom);
      return stream;
    }
    pending = null;
    if (chunk !== null) {
      const values = chunk.values.values;
      const probes = queueProbes(chunk, values);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- rare: a chunk full of error-looking text gets its valueTypes in a sync of its own
      if (probes.wholeChunk) await context.sync();
      const now: Pending = { chunk, values, errors: probes.collect };
      if (probes.queued && !probes.wholeChunk) pending = now;
      else if (!(await finish(now, stream))) {
        advanced(used.bottom - chunk.area.bottom);
        return stream;
      }
    }
    chunk = queueNext();
    await yieldToUi();
    if (isCancelled?.() === true) return null;
  }
  return stream ?? session.openSheet(sheetName);
}

function queueChunk(ws: Excel.Worksheet, area: Area, wanted: readonly number[] | null): Chunk {
  const range = ws.getRange(areaA1(area));
  if (wanted === null) {
    range.load("values,numberFormat");
    return { area, values: range, formats: range };
  }
  range.load("values");
  const formats = wanted.map((column) => ({
    column,
    range: ws.getRange(areaA1({ ...area, left: column, right: column })).load("numberFormat"),
  }));
  return { area, values: range, formats };
}

/**
 * Queues valueTypes reads for the cells whose text looks like an Excel error: one cell at
 * a time, or the whole chunk when there are many (then in a sync of its own, to keep the
 * response small).
 */
function queueProbes(
  chunk: Chunk,
  values: readonly (readonly unknown[])[],
): { queued: boolean; wholeChunk: boolean; collect: () => Set<string> } {
  const candidates: [number, number][] = [];
  values.forEach((line, i) => line.forEach((v, j) => (mayBeError(v) ? candidates.push([i, j]) : undefined)));
  if (candidates.length === 0) return { queued: false, wholeChunk: false, collect: () => new Set() };
  if (candidates.length > MAX_ERROR_PROBES) {
    const types = chunk.values.load("valueTypes");
    const collect = (): Set<string> => {
      const errors = new Set<string>();
      types.valueTypes.forEach((line, i) =>
        line.forEach((t, j) => (t === "Error" ? errors.add(`${i}:${j}`) : undefined)),
      );
      return errors;
    };
    return { queued: true, wholeChunk: true, collect };
  }
  const probes = candidates.map(([i, j]) => ({
    key: `${i}:${j}`,
    range: chunk.values.getCell(i, j).load("valueTypes"),
  }));
  const collect = (): Set<string> =>
    new Set(probes.filter((p) => p.range.valueTypes[0][0] === "Error").map((p) => p.key));
  return { queued: true, wholeChunk: false, collect };
}

/**
 * Converts a chunk to core rows and pushes them, yielding every SLICE_MS (a chunk of ~3 MB
 * is about 10,000 rows, half a second or more of checking); returns the chunk's size in bytes.
 */
async function pushRows(
  stream: SheetStream,
  chunk: Chunk,
  values: readonly (readonly unknown[])[],
  errors: ReadonlySet<string>,
  taken: ((layout: TableLayout, rows: readonly (PersonRow | TrainingRow)[]) => void) | undefined,
): Promise<number> {
  const { area } = chunk;
  const allFormats = Array.isArray(chunk.formats) ? null : chunk.formats.numberFormat;
  const columnFormats = Array.isArray(chunk.formats)
    ? new Map(chunk.formats.map((f) => [f.column - area.left, f.range.numberFormat] as const))
    : null;
  let bytes = gridBytes(values);
  if (allFormats !== null) bytes += gridBytes(allFormats);
  else for (const f of columnFormats?.values() ?? []) bytes += gridBytes(f);
  const width = areaColumns(area);
  let slice = Date.now();
  for (let i = 0; i < values.length; i++) {
    const line = values[i];
    const cells = new Array<CellRow[number]>(area.left + width).fill(null);
    for (let j = 0; j < width; j++) {
      const format =
        allFormats !== null ? (allFormats[i][j] as string) : (columnFormats?.get(j)?.[i][0] as string | undefined);
      cells[area.left + j] = toCell(line[j], errors.size > 0 && errors.has(`${i}:${j}`), format);
    }
    const final = stream.push(area.top + i + 1, cells);
    if (final.length > 0 && taken !== undefined && stream.layout !== null) taken(stream.layout, final);
    if ((i & 127) === 127 && Date.now() - slice > SLICE_MS) {
      await yieldToUi();
      slice = Date.now();
    }
  }
  return bytes;
}
