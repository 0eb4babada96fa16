/**
 * End to end: the annotated copy (--out). Opens input and output with ExcelJS and checks
 * that every original cell is as it was, that the computed columns hold real dates and
 * numbers, that faulty cells are marked, that the report links to the right cells, and
 * that the input file is never written.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { MARK_COLORS } from "../../src/core/annotations";
import { isComputedHeader } from "../../src/core/engine";
import { COMPUTED_COLUMN_COUNT } from "../../src/core/annotations";
import { LABELS, categoryLabel, label } from "../../src/core/vocabulary";
import { argbOf as argb } from "../../src/package/styles-patch";
import type { FixturePaths } from "../fixtures/make-fixtures";
import { type CliRun, type JsonIssue, type JsonWorkbook, readJson, runCli, suiteFixtures } from "./helpers";

// Each test runs the CLI in a child process; on a busy 2-core machine that can take many
// seconds, so no test here has a time limit of its own (package.json's testTimeout only
// bounds a hang).

let fx: FixturePaths;
let run: CliRun;
let before: { bytes: Buffer; mtimeMs: number };
let input: ExcelJS.Workbook;
let output: ExcelJS.Workbook;
let report: JsonWorkbook;
const outFile = (): string => path.join(fx.dir, "hasil.xlsx");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function snapshot(file: string): Promise<{ bytes: Buffer; mtimeMs: number }> {
  return { bytes: await fs.readFile(file), mtimeMs: (await fs.stat(file)).mtimeMs };
}

/** Every issue that names a cell, by "Sheet!A1", with its worst severity and messages. */
/** The cells the core highlights for a contract ending at the cut-off (cutoffRows: the name, else the NIK, else column A). */
function cutoffCells(wb: JsonWorkbook): Set<string> {
  const out = new Set<string>();
  for (const sheet of wb.sheets)
    for (const row of sheet.rows)
      if (row.endsAtCutoff === true)
        out.add(`${sheet.name}!${sheet.columns.name ?? sheet.columns.nik ?? "A"}${row.row}`);
  return out;
}

function cellIssues(wb: JsonWorkbook): Map<string, { severity: "error" | "warning"; messages: string[] }> {
  const all: (JsonIssue & { sheet: string; row: number | null })[] = [];
  for (const sheet of wb.sheets) {
    for (const row of sheet.rows) for (const i of row.issues) all.push({ ...i, sheet: sheet.name, row: row.row });
  }
  for (const i of wb.issues) all.push({ ...i, sheet: i.sheet as string, row: i.row ?? null });
  const out = new Map<string, { severity: "error" | "warning"; messages: string[] }>();
  for (const i of all) {
    if (i.row === null || i.column === null) continue;
    const key = `${i.sheet}!${i.column}${i.row}`;
    const seen = out.get(key) ?? { severity: i.severity, messages: [] };
    if (i.severity === "error") seen.severity = "error";
    seen.messages.push(i.message);
    out.set(key, seen);
  }
  return out;
}

function comparable(value: ExcelJS.CellValue): unknown {
  return value instanceof Date ? { date: value.toISOString() } : value;
}

beforeAll(async () => {
  fx = await suiteFixtures("annotated-copy");
  before = await snapshot(fx.dinkes);
  run = await runCli(["check", fx.dinkes, "--out", outFile(), "--json", path.join(fx.dir, "hasil.json")]);
  [input, output, report] = await Promise.all([
    load(fx.dinkes),
    load(outFile()),
    readJson<JsonWorkbook>(path.join(fx.dir, "hasil.json")),
  ]);
});

test("the run succeeds with exit code 1 (the fixture has errors) and names the copy on stdout", () => {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(outFile());
});

test("the input file is not written: same bytes, same modification time", async () => {
  const after = await snapshot(fx.dinkes);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.bytes.equals(before.bytes)).toBe(true);
});

test("every original cell keeps its value, formula, number format and style; merges and widths too", () => {
  const marked = cellIssues(report);
  const cutoff = cutoffCells(report);
  expect(cutoff.size).toBeGreaterThan(0);
  let compared = 0;
  for (const original of input.worksheets) {
    const copy = output.getWorksheet(original.name);
    expect(copy).toBeDefined();
    if (copy === undefined) continue;
    expect(copy.model.merges).toEqual(original.model.merges);
    original.columns.forEach((column, i) =>
      expect({ col: i, width: copy.getColumn(i + 1).width }).toEqual({ col: i, width: column.width }),
    );
    original.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const out = copy.getCell(r, c);
        const where = `${original.name}!${cell.address}`;
        const { fill, ...style } = cell.style;
        const { fill: outFill, ...outStyle } = out.style;
        expect({ where, value: comparable(out.value), numFmt: out.numFmt, style: outStyle }).toEqual({
          where,
          value: comparable(cell.value),
          numFmt: cell.numFmt,
          style,
        });
        const at = where.replace(/!\$?/, "!");
        if (cutoff.has(at) && !marked.has(at))
          expect({ where, fill: outFill }).toMatchObject({
            where,
            fill: { pattern: "solid", fgColor: { argb: "FFBDD7EE" } },
          });
        else if (!marked.has(at)) expect({ where, fill: outFill }).toEqual({ where, fill });
        compared++;
      });
    });
  }
  expect(compared).toBeGreaterThan(300);
});

test("faulty cells are filled by severity and carry the messages as a note", () => {
  const marked = cellIssues(report);
  expect(marked.size).toBeGreaterThan(10);
  for (const [key, { severity, messages }] of marked) {
    const [sheet, address] = key.split("!");
    const cell = output.getWorksheet(sheet)?.getCell(address);
    const fill = cell?.fill as ExcelJS.FillPattern | undefined;
    expect({ key, color: fill?.fgColor?.argb }).toEqual({ key, color: argb(MARK_COLORS[severity]) });
    const note = typeof cell?.note === "string" ? cell.note : (cell?.note?.texts ?? []).map((t) => t.text).join("");
    for (const m of messages) expect(note).toContain(m);
  }
});

test("computed columns beside each personnel table hold real dates and numbers", () => {
  const personnel = report.sheets.filter((s) => s.kind === "personnel");
  expect(personnel.length).toBe(3);
  for (const sheet of personnel) {
    const ws = output.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    const headerRow = ws.getRow(sheet.headerRow as number);
    const headers = new Map<string, number>();
    headerRow.eachCell((cell, c) => {
      if (typeof cell.value === "string" && isComputedHeader(cell.value)) headers.set(cell.value, c);
    });
    expect(headers.size).toBe(COMPUTED_COLUMN_COUNT);
    // They start right after the last original header column.
    const originalWidth = input.getWorksheet(sheet.name)?.getRow(sheet.headerRow as number).cellCount ?? 0;
    expect(Math.min(...headers.values())).toBe(originalWidth + 1);
    const col = (key: keyof typeof LABELS): number => headers.get(label(key, "id")) as number;
    for (const row of sheet.rows) {
      const at = (key: keyof typeof LABELS): ExcelJS.Cell => ws.getCell(row.row, col(key));
      const months = at("colTenureMonths").value;
      expect({ row: row.row, months }).toEqual({ row: row.row, months: row.tenure?.totalMonths ?? null });
      expect({ row: row.row, age: at("colAge").value }).toEqual({ row: row.row, age: row.ageYears ?? null });
      expect(at("colCategory").value).toBe(categoryLabel(row.category as never, "id"));
      const start = at("colStartRead");
      const startDate = (row as { startDate?: string | null }).startDate ?? null;
      if (startDate === null) expect(start.value).toBeNull();
      else {
        expect(start.value).toBeInstanceOf(Date);
        expect((start.value as Date).toISOString().slice(0, 10)).toBe(startDate);
        expect(start.numFmt).toMatch(/d.*m.*y/i);
      }
    }
  }
});

test("the report sheet has one row per problem, each linked to its cell; summary and tally sheets are added", () => {
  const sheetReport = output.getWorksheet(label("sheetReport", "id")) as ExcelJS.Worksheet;
  expect(sheetReport).toBeDefined();
  expect(output.getWorksheet(label("sheetSummary", "id"))).toBeDefined();
  const tally = output.getWorksheet(label("sheetTally", "id")) as ExcelJS.Worksheet;
  expect(tally).toBeDefined();

  const links: string[] = [];
  sheetReport.eachRow((row) => {
    row.eachCell((cell) => {
      const value = cell.value as ExcelJS.CellFormulaValue | null;
      if (value !== null && typeof value === "object" && "formula" in value) {
        const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","([A-Z]+\d+)"\)$/.exec(value.formula);
        expect(m).not.toBeNull();
        if (m !== null) {
          expect(m[2]).toBe(m[3]);
          links.push(`${m[1].replace(/''/g, "'")}!${m[2]}`);
        }
      }
    });
  });
  // A problem about a whole row links to the row's first cell.
  const expected: string[] = [];
  for (const sheet of report.sheets)
    for (const row of sheet.rows)
      for (const i of row.issues) expected.push(`${sheet.name}!${i.column ?? "A"}${row.row}`);
  for (const i of report.issues)
    if (i.row !== null && i.row !== undefined) expected.push(`${i.sheet}!${i.column ?? "A"}${i.row}`);
  expect(links.sort()).toEqual(expected.sort());

  // The tally lists every person-year of the JSON's training tally.
  const tallyPeople: string[] = [];
  tally.eachRow((row) => {
    const person = row.getCell(1).value;
    if (typeof person === "string" && /^\d{18}$/.test(person)) tallyPeople.push(`${person}/${row.getCell(4).value}`);
  });
  expect(tallyPeople.sort()).toEqual(report.training.map((t) => `${t.person}/${t.year}`).sort());
});

test("a re-run on the annotated copy gives the same results and replaces, not stacks, its own sheets", async () => {
  const again = path.join(fx.dir, "hasil-2.xlsx");
  const rerun = await runCli(["check", outFile(), "--out", again, "--json", path.join(fx.dir, "hasil-2.json")]);
  expect(rerun.code).toBe(1);
  const second = await readJson<JsonWorkbook>(path.join(fx.dir, "hasil-2.json"));
  expect(second.sheets).toEqual(report.sheets);
  expect(second.training).toEqual(report.training);
  const names = (await load(again)).worksheets.map((w) => w.name);
  expect(names).toEqual(output.worksheets.map((w) => w.name));
});

test("--out naming the input (even through another spelling of its path) is refused, and the input is untouched", async () => {
  const relative = path.relative(path.join(fx.dir, "opd"), fx.dinkes);
  const refused = await runCli(["check", fx.dinkes, "--out", relative], path.join(fx.dir, "opd"));
  expect(refused.code).toBe(2);
  expect(refused.stderr.trim().split("\n")).toHaveLength(1);
  expect(refused.stdout).toBe("");
  const after = await snapshot(fx.dinkes);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeMs).toBe(before.mtimeMs);
});
