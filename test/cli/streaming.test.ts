/**
 * End to end: every file now takes the one streaming path (package reader and patcher);
 * `--streaming` is still accepted from old scripts and changes nothing. Same results with
 * or without it; the copy keeps every cell's value, number format and style, merges and
 * widths, and gets its computed columns and marks on every row, also on the rows read
 * before the header was known.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { isComputedHeader } from "../../src/core/engine";
import { COMPUTED_COLUMN_COUNT } from "../../src/core/annotations";
import { label } from "../../src/core/vocabulary";
import { cliMessage } from "../../src/cli/messages";
import { type FixturePaths, GENERATED_COLUMNS, writeGeneratedWorkbook } from "../fixtures/make-fixtures";
import { type JsonWorkbook, readJson, runCli, suiteFixtures } from "./helpers";

// Each test runs the CLI in a child process; on a busy 2-core machine that can take many
// seconds, so no test here has a time limit of its own (package.json's testTimeout only
// bounds a hang).

const ROWS = 150;
let fx: FixturePaths;
let generated: string;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const comparable = (value: ExcelJS.CellValue): unknown =>
  value instanceof Date ? { date: value.toISOString() } : value;

/** Every cell of `original` has the same value, number format and style (fill aside) in `copy`; columns keep their widths. */
function expectCellsKept(original: ExcelJS.Workbook, copy: ExcelJS.Workbook): number {
  let compared = 0;
  for (const ws of original.worksheets) {
    const out = copy.getWorksheet(ws.name) as ExcelJS.Worksheet;
    ws.columns.forEach((column, i) =>
      expect({ col: i, width: out.getColumn(i + 1).width }).toEqual({ col: i, width: column.width }),
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const target = out.getCell(r, c);
        const { fill: _fill, ...style } = cell.style;
        const { fill: outFill, ...outStyle } = target.style;
        const where = `${ws.name}!${cell.address}`;
        // A cell without a style that gets a mark (or the cut-off highlight) points at record 0 with
        // the fill changed: ExcelJS then lists record 0's default font and empty border, which it
        // leaves out for a cell without a style. The look is the same.
        if (Object.keys(style).length === 0 && outFill !== undefined) {
          if (outStyle.font?.name === "Calibri" && outStyle.font.size === 11) delete outStyle.font;
          if (outStyle.border !== undefined && Object.keys(outStyle.border).length === 0) delete outStyle.border;
        }
        expect({ where, value: comparable(target.value), numFmt: target.numFmt, style: outStyle }).toEqual({
          where,
          value: comparable(cell.value),
          numFmt: cell.numFmt,
          style,
        });
        compared++;
      });
    });
  }
  return compared;
}

beforeAll(async () => {
  fx = await suiteFixtures("streaming");
  generated = path.join(fx.dir, "besar.xlsx");
  await writeGeneratedWorkbook(generated, ROWS);
});

test("a generated sheet: the reports with and without --streaming are identical", async () => {
  const [streamed, inMemory] = await Promise.all([
    runCli([
      "check",
      generated,
      "--streaming",
      "--out",
      path.join(fx.dir, "besar-s.xlsx"),
      "--json",
      path.join(fx.dir, "besar-s.json"),
    ]),
    runCli(["check", generated, "--json", path.join(fx.dir, "besar-m.json")]),
  ]);
  expect(streamed.stderr).toBe("");
  expect(streamed.code).toBe(inMemory.code);
  const s = await readJson<JsonWorkbook>(path.join(fx.dir, "besar-s.json"));
  expect(s.sheets[0].rows).toHaveLength(ROWS);
  expect(s).toEqual(await readJson(path.join(fx.dir, "besar-m.json")));
});

test("the copy keeps every cell and adds computed columns to every person row", async () => {
  const [original, copy, report] = await Promise.all([
    load(generated),
    load(path.join(fx.dir, "besar-s.xlsx")),
    readJson<JsonWorkbook>(path.join(fx.dir, "besar-s.json")),
  ]);
  expect(expectCellsKept(original, copy)).toBeGreaterThan(ROWS * 10);
  const sheet = report.sheets[0];
  const ws = copy.getWorksheet(sheet.name) as ExcelJS.Worksheet;
  const headerRow = ws.getRow(sheet.headerRow as number);
  const computed: number[] = [];
  headerRow.eachCell((cell, c) => {
    if (typeof cell.value === "string" && isComputedHeader(cell.value)) computed.push(c);
  });
  expect(computed).toEqual(Array.from({ length: COMPUTED_COLUMN_COUNT }, (_, k) => GENERATED_COLUMNS.length + 1 + k));
  const monthsColumn = computed.find((c) => headerRow.getCell(c).value === label("colTenureMonths", "id")) as number;
  // Rows 4-30 were held back until the header was known: they must have their columns too.
  for (const row of sheet.rows) {
    expect({ row: row.row, months: ws.getCell(row.row, monthsColumn).value }).toEqual({
      row: row.row,
      months: row.tenure?.totalMonths ?? null,
    });
  }
  for (const row of sheet.rows) {
    for (const issue of row.issues) {
      if (issue.column === null) continue;
      const cell = ws.getCell(`${issue.column}${row.row}`);
      expect((cell.fill as ExcelJS.FillPattern | undefined)?.pattern).toBe("solid");
    }
  }
  expect(copy.getWorksheet(label("sheetReport", "id"))).toBeDefined();
  expect(copy.getWorksheet(label("sheetSummary", "id"))).toBeDefined();
  expect(copy.getWorksheet(label("sheetTally", "id"))).toBeDefined();
});

test("the fixture workbook copied with --streaming keeps values, formulas, number formats, styles and merges", async () => {
  const out = path.join(fx.dir, "dinkes-s.xlsx");
  const run = await runCli(["check", fx.dinkes, "--streaming", "--out", out]);
  expect(run.code).toBe(1);
  const [original, copy] = await Promise.all([load(fx.dinkes), load(out)]);
  expect(expectCellsKept(original, copy)).toBeGreaterThan(300);
  const merges = (wb: ExcelJS.Workbook, name: string): unknown =>
    (wb.getWorksheet(name)?.model as { merges?: string[] } | undefined)?.merges;
  for (const ws of original.worksheets)
    expect({ sheet: ws.name, merges: merges(copy, ws.name) }).toEqual({
      sheet: ws.name,
      merges: merges(original, ws.name),
    });
});

test("--progress reports every 10,000 rows on stderr, with no personal data; without it (not a terminal) stderr stays empty", async () => {
  const big = path.join(fx.dir, "sepuluh-ribu.xlsx");
  await writeGeneratedWorkbook(big, 10_000);
  const [withProgress, quiet] = await Promise.all([
    runCli(["check", big, "--streaming", "--progress"]),
    runCli(["check", big, "--streaming"]),
  ]);
  expect(withProgress.code).toBe(quiet.code);
  expect(withProgress.stderr.trim().split("\n")).toEqual([
    `cek-honorer: ${big}: ${cliMessage("progressRows", "id", { rows: 10_000 })}`,
  ]);
  expect(quiet.stderr).toBe("");
});
