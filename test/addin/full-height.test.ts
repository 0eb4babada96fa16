/**
 * Full height (issue 10): the actions take each row as it is checked and keep only what they
 * write. These tests hold the compact, row-by-row forms to the whole-sheet versions of the
 * core (computedColumns, pathsGrid over a check that kept every row), and Hapus Tanda to
 * "every cell as before" after actions that wrote in many bands.
 */
import { computedColumns, type OutValue } from "../../src/core/annotations";
import { dayToSerial, isoToDay } from "../../src/core/days";
import { CheckSession } from "../../src/core/engine";
import { pathsGrid } from "../../src/core/paths-sheet";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { type SheetResult, isPersonRow } from "../../src/core/results";
import type { CellRow } from "../../src/core/cells";
import { toCell } from "../../src/addin/cells";
import { ComputedCollector, computedSetOf } from "../../src/core/computed-rows";
import { type CellSource, type ExcelHost, createHost, isErrorValue } from "../host";
import { act, userSheets } from "./helpers";
import { generatedPersonnel } from "./fixtures";

/** The rows of a generated sheet as the core reads them (what the add-in's reader makes of them). */
function coreRows(source: CellSource): CellRow[] {
  const rows: CellRow[] = [];
  for (let r = 0; r < source.rowCount; r++) {
    const cells: CellRow[number][] = [];
    for (let c = 0; c < source.columnCount; c++) {
      const v = source.value(r, c);
      cells.push(
        toCell(isErrorValue(v) ? v.error : v, isErrorValue(v), source.numberFormat?.(r, c) ?? "General") ?? null,
      );
    }
    rows.push(cells);
  }
  return rows;
}

/** The whole-sheet check: every row kept, as the command line checks. */
function wholeSheet(source: CellSource): SheetResult {
  const session = new CheckSession(DEFAULT_POLICY);
  const sheet = session.checkSheet({ name: "Data", rows: coreRows(source) });
  session.finishWorkbook();
  return sheet;
}

/** What Excel stores for an OutValue (text without its apostrophe, dates as serials, null as empty). */
function stored(v: OutValue): string | number | boolean | null {
  if (v === null || v === "") return null;
  if (typeof v === "object") return dayToSerial(isoToDay(v.date) as number);
  return v;
}

function storedValue(host: ExcelHost, sheet: string, row: number, column: number): string | number | boolean | null {
  const v = host.model.sheet(sheet)!.value(row, column);
  return v === null || isErrorValue(v) ? null : v;
}

test("the compact computed columns equal the whole sheet's, row by row (1,500 people: three batches and a part)", () => {
  const source = generatedPersonnel(1_500);
  const whole = computedColumns(wholeSheet(source), "id")!;
  // The same rows as the add-in takes them: as SheetStream.push returns them.
  const session = new CheckSession(DEFAULT_POLICY, { keepPersonRow: () => false });
  const stream = session.openSheet("Data");
  let collector: ComputedCollector | null = null;
  coreRows(source).forEach((cells, i) => {
    const final = stream.push(i + 1, cells);
    collector ??= stream.layout === null ? null : ComputedCollector.open("Data", stream.layout, "id");
    for (const row of final) if (isPersonRow(row)) collector?.add(row);
  });
  // keepPersonRow let every row go: the result holds none of them.
  expect(stream.end().rows).toEqual([]);
  const compact = collector!.finish();
  const expected = computedSetOf(whole);
  expect(compact.count).toBe(1_500);
  expect([compact.headerRow, compact.startColumnIndex, compact.lastRow, compact.headers]).toEqual([
    expected.headerRow,
    expected.startColumnIndex,
    expected.lastRow,
    expected.headers,
  ]);
  expect([...compact.entries()]).toEqual([...expected.entries()]);
  for (let row = 1; row <= compact.lastRow + 1; row++) expect(compact.cellsAt(row)).toEqual(expected.cellsAt(row));
  // Rows asked out of order (no lookup table: the line is searched for) and by position.
  for (let row = compact.lastRow + 1; row >= 1; row -= 7) expect(compact.cellsAt(row)).toEqual(expected.cellsAt(row));
  expect(Array.from({ length: compact.count }, (_, i) => compact.rowAt(i))).toEqual(
    [...expected.entries()].map((e) => e.row),
  );
});

test("Hitung Masa Kerja at 3,000 rows writes the whole-sheet computed columns; Hapus Tanda leaves every cell as before", async () => {
  const source = generatedPersonnel(3_000);
  const whole = computedColumns(wholeSheet(source), "id")!;
  const host = createHost([{ name: "Data", source }]);
  const before = userSheets(host);
  const outcome = await act(host, "tenure");
  expect(outcome.ok).toBe(true);
  const left = whole.startColumnIndex;
  whole.headers.forEach((h, j) => expect(storedValue(host, "Data", whole.headerRow - 1, left + j)).toBe(h.value));
  const wrong: string[] = [];
  for (const { row, cells } of whole.rows)
    cells.forEach((cell, j) => {
      if (storedValue(host, "Data", row - 1, left + j) !== stored(cell.value)) wrong.push(`${row}:${j}`);
    });
  expect(wrong).toEqual([]);
  expect((await act(host, "clear")).ok).toBe(true);
  expect(userSheets(host)).toEqual(before);
});

test("Jalur Pasca Batas at 30,000 rows: CH Jalur in several bands equals the whole-sheet pathsGrid; Hapus Tanda restores", async () => {
  const source = generatedPersonnel(30_000);
  const session = new CheckSession(DEFAULT_POLICY);
  session.checkSheet({ name: "Data", rows: coreRows(source) });
  const grid = pathsGrid([session.finishWorkbook()], "id");
  const host = createHost([{ name: "Data", source }], { apiVersion: "1.17" });
  const before = userSheets(host);
  const outcome = await act(host, "paths");
  expect(outcome.ok).toBe(true);
  const sheet = host.model.sheet(grid.sheetName)!;
  // Bands of about 1.6 MB: 30,000 rows of CH Jalur take more than one.
  const writes = host.stats.records.filter((r) => r.summary.includes("formulas") && r.requestBytes > 100_000);
  expect(writes.length).toBeGreaterThan(1);
  const wrong: string[] = [];
  grid.rows.forEach((cells, i) =>
    cells.forEach((cell, j) => {
      // Past 5,000 links they are HYPERLINK formulas to the row.
      if (cell.link !== undefined) {
        if (!(sheet.formula(i, j) ?? "").includes(`!${cell.link.address}`)) wrong.push(`link ${i}:${j}`);
      } else if (storedValue(host, grid.sheetName, i, j) !== stored(cell.value)) wrong.push(`${i}:${j}`);
    }),
  );
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(sheet.usedRect(true)?.bottom).toBe(grid.rows.length - 1);
  expect((await act(host, "clear")).ok).toBe(true);
  expect(userSheets(host)).toEqual(before);
  expect(host.model.sheet(grid.sheetName)).toBeNull();
}, 120_000);

test("Jalankan Semua then Hapus Tanda at 5,000 rows: values, formulas and formats as before", async () => {
  const host = createHost([{ name: "Data", source: generatedPersonnel(5_000) }]);
  const before = userSheets(host);
  const outcome = await act(host, "all");
  expect(outcome.ok).toBe(true);
  // Every generated contract ends on the cut-off day: 5,000 names highlighted, kept as row numbers.
  expect(outcome.cutoff?.answers["on-or-before"]).toBe(5_000);
  expect(outcome.cutoff?.people.length).toBe(200);
  expect(userSheets(host)).not.toEqual(before);
  expect((await act(host, "clear")).ok).toBe(true);
  expect(userSheets(host)).toEqual(before);
}, 60_000);
