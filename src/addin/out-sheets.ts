/**
 * The report, summary and JP tally sheets. They are the add-in's own: an existing one is
 * cleared and rewritten, never deleted (deleting a sheet clears Excel's undo). Links to
 * cells use Range.hyperlink on ExcelApi 1.7, else a HYPERLINK formula in en-US syntax
 * (Range.formulas always takes commas, whatever the user's locale).
 */
import type { OutCell, OutGrid, SummaryChartRanges } from "../core/annotations";
import { DATE_FORMAT } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { type OutSheet, rowCountOf } from "../core/out-sheet";
import { type Area, areaA1, quotedSheet } from "./a1";
import { BATCH_BYTES, type QueuedOp, areaWriteOp, gridBytes } from "./batches";
import { isDateValue, toExcelValue } from "./cells";
import { formatOps } from "./looks";
import type { Capabilities } from "./office";
import type { AddinState, Look } from "./state";
import { applyExtras, extraOfStyle, extraRuns, styleLook } from "./styles";

/** Excel column width units are points; OutGrid widths are characters. */
const POINTS_PER_CHARACTER = 5.6;

export interface OwnSheet {
  readonly name: string;
  readonly exists: boolean;
  /** Charts already on it (deleted before the new one is added). */
  readonly charts: readonly Excel.Chart[];
}

/** Loads which own sheets exist and their charts (one sync). */
export async function loadOwnSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  existing: ReadonlySet<string>,
): Promise<Map<string, OwnSheet>> {
  const charts = names
    .filter((n) => existing.has(n))
    .map((name) => ({ name, items: context.workbook.worksheets.getItem(name).charts.load("items/name") }));
  if (charts.length > 0) await context.sync();
  const out = new Map<string, OwnSheet>();
  for (const name of names)
    out.set(name, { name, exists: existing.has(name), charts: charts.find((c) => c.name === name)?.items.items ?? [] });
  return out;
}

/** Clears an own sheet: contents, formats, links and charts. */
export function clearOwnSheetOps(context: Excel.RequestContext, sheet: OwnSheet): QueuedOp[] {
  if (!sheet.exists) return [];
  return [
    {
      requestBytes: 200 + sheet.charts.length * 100,
      once: sheet.charts.length > 0, // deleting a chart twice fails
      queue: () => {
        for (const chart of sheet.charts) chart.delete();
        context.workbook.worksheets.getItem(sheet.name).getUsedRange().clear("All");
      },
    },
  ];
}

/** Adds an own sheet that does not exist yet. */
export function createOwnSheetOps(context: Excel.RequestContext, sheet: OwnSheet): QueuedOp[] {
  return sheet.exists
    ? []
    : [{ requestBytes: 200, once: true, queue: () => void context.workbook.worksheets.add(sheet.name) }];
}

export interface ChartSpec {
  readonly ranges: SummaryChartRanges["byCategory"];
  readonly title: string;
}

/**
 * Past this many links, a sheet's links are HYPERLINK formulas written with its values: a
 * Range.hyperlink is one operation per cell (CH Jalur at full height has a million).
 */
const MAX_LINK_OPS = 5_000;

/**
 * Everything that writes one output grid onto its sheet. The sheet is recorded in the state
 * now; the writes are built as they are sent, a band of rows at a time (sendBatches takes
 * them from this iterable), so a grid of a million rows is never turned into Office.js
 * arguments whole (issue 10).
 */
export function outSheetOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  state: AddinState,
  grid: OutGrid | OutSheet,
  sheet: OwnSheet,
  chart?: ChartSpec,
): Iterable<QueuedOp> {
  state.ownSheets.add(grid.sheetName);
  return sheetWrites(context, caps, grid, sheet, chart);
}

function* sheetWrites(
  context: Excel.RequestContext,
  caps: Capabilities,
  grid: OutGrid | OutSheet,
  sheet: OwnSheet,
  chart: ChartSpec | undefined,
): Generator<QueuedOp> {
  const name = grid.sheetName;
  const ws = (): Excel.Worksheet => context.workbook.worksheets.getItem(name);
  // A new sheet is added by createOwnSheetOps, before any other write.
  if (sheet.exists) yield* clearOwnSheetOps(context, sheet);
  // A grid's links are counted; a sheet made row by row has at most one link a row (CH Laporan, CH Jalur).
  let links = 0;
  if (Array.isArray(grid.rows))
    for (const cells of grid.rows as readonly (readonly OutCell[])[])
      for (const c of cells) if (c?.link !== undefined) links += 1;
  const linkOps = caps.v1_7 && (Array.isArray(grid.rows) ? links : rowCountOf(grid)) <= MAX_LINK_OPS;

  let width = 1;
  let top = 0;
  let band: (readonly OutCell[])[] = [];
  let rowsPerBand = 0;
  for (const cells of grid.rows) {
    band.push(cells);
    width = Math.max(width, cells.length);
    // The first 50 rows measure the bytes per row; bands of about half the request budget follow.
    if (rowsPerBand === 0 && band.length === 50) rowsPerBand = bandRows(band, linkOps);
    if (rowsPerBand > 0 && band.length >= rowsPerBand) {
      yield* bandOps(context, caps, ws, name, band, top, linkOps);
      top += band.length;
      band = [];
    }
  }
  if (band.length > 0 || top === 0) yield* bandOps(context, caps, ws, name, band, top, linkOps);
  const rowCount = top + band.length;

  // Column widths need ExcelApi 1.2.
  if (caps.v1_2) {
    for (const [j, chars] of grid.columnWidths.entries()) {
      const letter = columnLetter(j);
      yield {
        requestBytes: 150,
        queue: () => (ws().getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHARACTER),
      };
    }
  }
  yield* layoutOps(caps, grid, width, rowCount, ws);
  if (chart !== undefined && chart.ranges.lastRow >= chart.ranges.firstRow) {
    const { firstRow, lastRow, labelColumn, valueColumn } = chart.ranges;
    const source = `${columnLetter(Math.min(labelColumn, valueColumn))}${firstRow}:${columnLetter(Math.max(labelColumn, valueColumn))}${lastRow}`;
    // Below the grid and within its columns, so it prints on the same page.
    const chartTop = rowCount + 2;
    yield {
      requestBytes: 400,
      once: true,
      queue: () => {
        const added = ws().charts.add("ColumnClustered", ws().getRange(source), "Columns");
        added.title.text = chart.title;
        added.setPosition(`A${chartTop}`, `${columnLetter(width - 1)}${chartTop + 16}`);
      },
    };
  }
}

/** A cell as written: its value, or its link as a HYPERLINK formula. */
const written = (cell: OutCell | undefined, linkOps: boolean): string | number | boolean =>
  cell === undefined ? "" : cell.link !== undefined && !linkOps ? linkFormula(cell) : toExcelValue(cell.value);

/** Rows per band: about half the request budget, from the measured rows. */
function bandRows(sample: readonly (readonly OutCell[])[], linkOps: boolean): number {
  const bytes = gridBytes(sample.map((cells) => cells.map((c) => written(c, linkOps))));
  return Math.max(1, Math.floor((BATCH_BYTES * 0.5) / Math.max(1, bytes / Math.max(1, sample.length))));
}

/** The writes of one band of rows starting at 0-based row `top`: values, looks, links, extras. */
function* bandOps(
  context: Excel.RequestContext,
  caps: Capabilities,
  ws: () => Excel.Worksheet,
  name: string,
  band: readonly (readonly OutCell[])[],
  top: number,
  linkOps: boolean,
): Generator<QueuedOp> {
  const width = Math.max(1, ...band.map((r) => r.length));
  const links: { row: number; column: number; cell: OutCell }[] = [];
  const looks: { row: number; column: number; look: Look }[] = [];
  const values = band.map((cells, i) =>
    Array.from({ length: width }, (_, j) => {
      const cell = cells[j];
      if (cell === undefined) return "";
      const look = cellLook(cell);
      if (look !== null) looks.push({ row: top + i, column: j, look });
      if (cell.link !== undefined && linkOps) links.push({ row: top + i, column: j, cell });
      return written(cell, linkOps);
    }),
  );
  if (values.length > 0) {
    // Values (and links as formulas) in one write; halved if Excel refuses it as too large.
    const area: Area = { top, left: 0, bottom: top + values.length - 1, right: width - 1 };
    yield areaWriteOp(
      area,
      (a) => gridBytes(values.slice(a.top - top, a.bottom - top + 1)) + 100,
      (a) => (ws().getRange(areaA1(a)).formulas = values.slice(a.top - top, a.bottom - top + 1)),
    );
  }
  yield* formatOps(context, caps, name, looks);
  for (const { row, column, cell } of links) {
    const link = cell.link as NonNullable<OutCell["link"]>;
    const hyperlink = {
      documentReference: `${quotedSheet(link.sheet)}!${link.address}`,
      textToDisplay: String(cell.value ?? link.address),
    };
    yield {
      requestBytes: hyperlink.documentReference.length + hyperlink.textToDisplay.length + 150,
      queue: () =>
        (ws().getRange(areaA1({ top: row, left: column, bottom: row, right: column })).hyperlink = hyperlink),
    };
  }
  yield* extraOps(caps, band, top, width, ws);
}

/** Looks by style and number format: a band's cells share a few (formatOps groups them by object). */
const CELL_LOOKS = new Map<string, Look | null>();

/** The recorded look a cell is written with (its style's, and its number format), or null for none. */
function cellLook(cell: OutCell): Look | null {
  const format = cell.numberFormat ?? (isDateValue(cell.value) ? DATE_FORMAT : undefined);
  const key = `${cell.style ?? ""}\u0000${format ?? ""}`;
  let look = CELL_LOOKS.get(key);
  if (look === undefined) {
    const made: Look = { ...styleLook(cell.style) };
    if (format !== undefined) made.numberFormat = format;
    look = Object.keys(made).length > 0 ? Object.freeze(made) : null;
    // Styles are a handful; number formats come from the core's few (bounded all the same).
    if (CELL_LOOKS.size < 1_000) CELL_LOOKS.set(key, look);
  }
  return look;
}

/**
 * What the core's look sets beyond the recorded part (styles.ts extraLook: wrap, vertical
 * alignment, border, font size): one op per run of cells with the same extras down a column
 * of a band. Excel fits the rows to wrapped text (autofitRows, ExcelApi 1.2; before that it
 * does so itself).
 */
function extraOps(
  caps: Capabilities,
  band: readonly (readonly OutCell[])[],
  top: number,
  width: number,
  ws: () => Excel.Worksheet,
): QueuedOp[] {
  const ops: QueuedOp[] = [];
  for (let j = 0; j < width; j++) {
    for (const { start, end, extra } of extraRuns(band.length, (i) => extraOfStyle(band[i]?.[j]?.style))) {
      const area = areaA1({ top: top + start, left: j, bottom: top + end - 1, right: j });
      ops.push({
        requestBytes: 300,
        queue: () => {
          const format = ws().getRange(area).format;
          applyExtras(format, extra, end - start, 1);
          if (extra.wrap === true && caps.v1_2) format.autofitRows();
        },
      });
    }
  }
  return ops;
}

/**
 * The sheet's view and print set-up from the core's layout: frozen header (ExcelApi 1.7),
 * filter and page layout (1.9). An older Excel keeps its defaults: the data are the same.
 */
function layoutOps(
  caps: Capabilities,
  grid: OutGrid | OutSheet,
  width: number,
  rowCount: number,
  ws: () => Excel.Worksheet,
): QueuedOp[] {
  const layout = grid.layout;
  if (layout === undefined) return [];
  const ops: QueuedOp[] = [];
  const lastColumn = columnLetter(width - 1);
  const lastRow = Math.max(1, rowCount);
  const freeze = layout.freezeRows;
  if (caps.v1_7 && freeze !== undefined && freeze > 0)
    ops.push({ requestBytes: 150, queue: () => ws().freezePanes.freezeRows(freeze) });
  if (!caps.v1_9) return ops;
  const filterRow = layout.filterRow;
  if (filterRow !== undefined)
    ops.push({
      requestBytes: 200,
      queue: () => ws().autoFilter.apply(`A${filterRow}:${lastColumn}${Math.max(filterRow, lastRow)}`),
    });
  ops.push({
    requestBytes: 400,
    queue: () => {
      const page = ws().pageLayout;
      page.orientation = layout.landscape === true ? "Landscape" : "Portrait";
      page.paperSize = "A4";
      if (layout.fitToPage === true) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      else if (layout.fitToWidth === true) page.zoom = { horizontalFitToPages: 1 };
      if (layout.repeatRows !== undefined)
        page.setPrintTitleRows(`$${layout.repeatRows.first}:$${layout.repeatRows.last}`);
      page.setPrintArea(`A1:${lastColumn}${lastRow}`);
    },
  });
  return ops;
}

/** `=HYPERLINK("#'Sheet'!C5","C5")`: en-US syntax, as Range.formulas always takes. */
function linkFormula(cell: OutCell): string {
  const link = cell.link as NonNullable<OutCell["link"]>;
  const esc = (s: string): string => s.replace(/"/g, '""');
  const shown = String(cell.value ?? link.address);
  return `=HYPERLINK("${esc(`#${quotedSheet(link.sheet)}!${link.address}`)}","${esc(shown)}")`;
}
