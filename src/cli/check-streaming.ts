/**
 * The streaming path, for workbooks too big to hold (a full 1,048,575-row sheet): rows
 * are read one at a time with ExcelJS's WorkbookReader, pushed into the engine's
 * SheetStream, and, for the annotated copy, written straight out with the streaming
 * WorkbookWriter, with their computed columns and marks, as soon as the engine has
 * their result. Only the rows above the header (at most 30) wait.
 *
 * What the streaming copy keeps: every cell's value (formulas with their cached result),
 * number format and style (font, fill, border, alignment), row heights, column widths
 * and hidden columns, sheet order and visibility.
 * What it loses, because the streaming reader does not deliver it: merged cells,
 * notes/comments, hyperlinks (their text is kept), data validation, conditional
 * formatting, images and charts, defined names, freeze panes and print settings; a
 * shared formula is written as its cached value in every cell but the first, and a
 * cell holding an empty text ("") comes out empty. Issues
 * found only when the workbook ends (an unknown training participant, a JP total) are
 * in the report sheet but not marked on the cells. Use the in-memory mode (files under
 * the size threshold, or without --streaming) for an exact copy.
 */
import ExcelJS from "exceljs";
import type { Readable } from "stream";
import { cellMarks, computedColumns, reportGrid, summaryGrid, tallyGrid, type OutGrid } from "../core/annotations";
import { localStamp } from "../core/setting-dates";
import { sheetOptions } from "./sheet-layout";
import { pathsGrid } from "../core/paths-sheet";
import type { Cell, CellRow } from "../core/cells";
import { isOwnSheetName, summarize } from "../core/engine";
import { HEADER_SCAN_ROWS } from "../core/headers";
import type { PersonRow, SheetResult, TrainingRow, WorkbookResult } from "../core/results";
import type { CheckFileOptions } from "./check-options";
import { cellFromExcel } from "./excel-cell";
import { fixStreamingColumnWidths } from "./exceljs-fixes";
import { markedStyle, toExcel, writeGrid } from "./out-cells";
import { orderedXlsxStream } from "./zip-order";

type Result = PersonRow | TrainingRow;

/** Reader options: styles cached so number formats (and so dates) and styles come through. */
export const STREAM_READ_OPTIONS = {
  sharedStrings: "cache",
  styles: "cache",
  hyperlinks: "ignore",
  worksheets: "emit",
  entries: "ignore",
} as const;

/** Inline strings: a shared-string table would hold every distinct NIK and name in memory. */
export function streamWriter(filename: string): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
}

/** The streaming WorksheetReader exposes its parsed <cols> as a property; ExcelJS's typings call it a method. */
function readerColumns(reader: ExcelJS.stream.xlsx.WorksheetReader): readonly (ExcelJS.Column | undefined)[] {
  const columns = (reader as unknown as { columns: unknown }).columns;
  return Array.isArray(columns) ? (columns as (ExcelJS.Column | undefined)[]) : [];
}

function readerState(reader: ExcelJS.stream.xlsx.WorksheetReader): ExcelJS.WorksheetState {
  const state = (reader as unknown as { state?: unknown }).state;
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

export function readerName(reader: ExcelJS.stream.xlsx.WorksheetReader): string {
  return (reader as unknown as { name: string }).name;
}

export function rowCells(row: ExcelJS.Row): CellRow {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push(null);
    cells.push(cellFromExcel(cell));
  });
  return cells;
}

/** Copies widths and hidden flags of the source columns; must run before the first row is committed. */
export function copyColumns(reader: ExcelJS.stream.xlsx.WorksheetReader, target: ExcelJS.Worksheet): void {
  readerColumns(reader).forEach((column, i) => {
    if (column === undefined) return;
    const out = target.getColumn(i + 1);
    if (column.width !== undefined && Number.isFinite(column.width)) out.width = column.width;
    if (column.hidden) out.hidden = true;
  });
}

function copyValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  // The streaming reader gives a shared formula's dependent cells an empty formula text.
  if (
    value !== null &&
    typeof value === "object" &&
    "formula" in value &&
    (value as ExcelJS.CellFormulaValue).formula === ""
  ) {
    return (value as ExcelJS.CellFormulaValue).result ?? null;
  }
  return value;
}

const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/** Copies one row's cells (values and styles, empty styled cells too) and height into `target`. */
export function copyRow(source: ExcelJS.Row, target: ExcelJS.Row): void {
  if (source.height !== undefined && source.height !== null) target.height = source.height;
  source.eachCell({ includeEmpty: true }, (cell, column) => {
    const hasStyle = Object.keys(cell.style).length > 0;
    if (cell.type === ExcelJS.ValueType.Null && !hasStyle) return;
    const out = target.getCell(column);
    out.value = copyValue(cell.value);
    // An unstyled cell gets one shared empty style: ExcelJS registers a style object once.
    out.style = hasStyle ? cell.style : NO_STYLE;
  });
}

/** Appends an OutGrid as a new sheet of a streaming writer. */
export function streamGrid(writer: ExcelJS.stream.xlsx.WorkbookWriter, grid: OutGrid): void {
  const ws = writer.addWorksheet(grid.sheetName, sheetOptions(grid) as Partial<ExcelJS.AddWorksheetOptions>);
  writeGrid(ws, grid, (row) => row.commit());
  ws.commit();
}

/** Checks (and optionally copies) one workbook row by row. */
export async function checkStreaming(options: CheckFileOptions): Promise<WorkbookResult> {
  fixStreamingColumnWidths();
  const ordered = await orderedXlsxStream(options.file);
  try {
    return await checkOrdered(options, ordered?.stream ?? options.file);
  } finally {
    ordered?.close();
  }
}

async function checkOrdered(options: CheckFileOptions, input: string | Readable): Promise<WorkbookResult> {
  const { session, lang, displayName } = options;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, STREAM_READ_OPTIONS);
  const writer = options.out !== null ? streamWriter(options.out) : null;
  // An empty shell to render marks for a batch of rows with the core's cellMarks.
  const shell: WorkbookResult = {
    policy: session.policy,
    sheets: [],
    training: [],
    issues: [],
    summary: summarize([]),
  };
  let rowsRead = 0;

  for await (const sheetReader of reader) {
    const name = readerName(sheetReader);
    if (isOwnSheetName(name)) {
      // Sheets of a previous run: not data, and replaced below.
      for await (const row of sheetReader) void row;
      continue;
    }
    const stream = session.openSheet(name, displayName);
    const target = writer?.addWorksheet(name, { state: readerState(sheetReader) }) ?? null;
    const pending: ExcelJS.Row[] = [];
    let columnsCopied = false;

    const flush = (results: ReadonlyMap<number, Result>): void => {
      if (target === null) return;
      const layout = stream.layout;
      const batch = pending.map((row) => results.get(row.number)).filter((r): r is Result => r !== undefined);
      const partial: SheetResult | null =
        layout === null
          ? null
          : {
              name,
              kind: layout.kind,
              headerRow: layout.headerRow,
              headerTopRow: layout.headerTopRow,
              columns: {},
              lastColumnIndex: layout.lastColumnIndex,
              dataRange: null,
              rows: batch,
              issues: [],
            };
      const computed = partial !== null ? computedColumns(partial, lang) : null;
      const computedByRow = new Map(computed?.rows.map((r) => [r.row, r.cells]) ?? []);
      const marks = partial !== null && batch.length > 0 ? cellMarks({ ...shell, sheets: [partial] }, lang) : [];
      for (const source of pending) {
        const out = target.getRow(source.number);
        copyRow(source, out);
        if (computed !== null) {
          const cells = source.number === computed.headerRow ? computed.headers : computedByRow.get(source.number);
          cells?.forEach((cell, k) => {
            const { value, style } = toExcel(cell);
            const c = out.getCell(computed.startColumnIndex + k + 1);
            c.value = value;
            c.style = style;
          });
        }
        for (const mark of marks) {
          if (mark.row !== source.number) continue;
          const c = out.getCell(mark.column);
          c.style = markedStyle(c.style, mark.severity);
          c.note = mark.note;
        }
        out.commit();
      }
      pending.length = 0;
    };

    for await (const row of sheetReader) {
      if (target !== null && !columnsCopied) {
        copyColumns(sheetReader, target);
        columnsCopied = true;
      }
      const results = stream.push(row.number, rowCells(row));
      rowsRead++;
      if (rowsRead % 10_000 === 0) options.onRows?.(rowsRead);
      if (target === null) continue;
      pending.push(row);
      // Until the header is found the engine keeps the first rows; after, each row's result is final at once.
      if (row.number > HEADER_SCAN_ROWS) flush(new Map(results.map((r) => [r.row, r])));
    }
    const sheet = stream.end();
    if (target !== null) {
      if (!columnsCopied) copyColumns(sheetReader, target);
      const waiting = new Set(pending.map((r) => r.number));
      flush(new Map(sheet.rows.filter((r) => waiting.has(r.row)).map((r) => [r.row, r])));
      target.commit();
    }
  }

  const result = session.finishWorkbook(displayName);
  if (writer !== null) {
    // The title rows are gone by now in streaming mode: the summary names no office.
    const context = { checkedAt: localStamp(new Date()) };
    for (const grid of [
      reportGrid([result], lang),
      summaryGrid([result], lang, context),
      tallyGrid([result], lang),
      pathsGrid([result], lang),
    ])
      streamGrid(writer, grid);
    await writer.commit();
  }
  return result;
}
