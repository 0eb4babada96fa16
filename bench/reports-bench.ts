/**
 * `npm run bench:reports`: what CH Jalur and CH Laporan cost at 100,000 and 1,048,575 person
 * rows (issues 8 and 10): the rows come from the engine (generated people, about one in 50
 * with a faulty NIK, TMT or status), one at a time as a full-height check gives them, into a
 * ReportCollector; then both sheets are built and written as worksheet XML (deflate not
 * counted: the package writer's). Only collector, build and write calls are timed.
 *
 *   node --expose-gc dist-cli/bench/reports-bench.js [--sizes 100000,1048575] [--grids]
 *
 * Printed per size: collect, sort, write CH Jalur, write CH Laporan (seconds), the bytes the
 * collector keeps, and the heap peak (V8 heap + array buffers, sampled while building and
 * writing) above what the process held before. --grids measures the old way instead: a
 * session that keeps every row, pathsGrid/reportGrid, writeReportSheet of whole grids.
 */
import ExcelJS from "exceljs";
import { reportGrid } from "../src/core/annotations";
import type { Cell } from "../src/core/cells";
import { CheckSession } from "../src/core/engine";
import { pathsGrid } from "../src/core/paths-sheet";
import { DEFAULT_POLICY } from "../src/core/policy";
import { ReportCollector } from "../src/core/report-collector";
import { writeReportSheet } from "../src/package/report-sheet";
import { StyleBook } from "../src/package/styles-patch";
import { GENERATED_COLUMNS, GENERATED_FORMATS, generatedRow } from "../test/fixtures/make-fixtures";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const SERIAL_OF_EPOCH = 25569;
const MB = 1024 * 1024;

function cellsOf(values: readonly ExcelJS.CellValue[]): Cell[] {
  return values.map((v, i): Cell => {
    const format = GENERATED_FORMATS[i];
    if (v instanceof Date)
      return { t: "d", v: v.getTime() / 86_400_000 + SERIAL_OF_EPOCH, ...(format ? { format } : {}) };
    if (typeof v === "number") return { t: "n", v, ...(format ? { format } : {}) };
    if (typeof v === "string") return { t: "s", v, ...(format ? { format } : {}) };
    return null;
  });
}

const heapNow = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function settle(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return heapNow();
}

/** Samples the heap every 20 ms (and at each call of `mark`); `stop` gives the peak. */
function heapSampler(): { mark(): void; stop(): number } {
  let peak = heapNow();
  const timer = setInterval(() => (peak = Math.max(peak, heapNow())), 20);
  return {
    mark: () => (peak = Math.max(peak, heapNow())),
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, heapNow());
    },
  };
}

const seconds = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e9;

/** Writes a sheet to a sink that only counts; returns characters written. */
async function write(sheet: Parameters<typeof writeReportSheet>[0], mark: () => void): Promise<number> {
  let chars = 0;
  await writeReportSheet(sheet, new StyleBook(null), false, NS, async (text) => {
    chars += text.length;
    mark();
  });
  return chars;
}

async function streamed(rows: number): Promise<void> {
  const reports = new ReportCollector();
  const session = new CheckSession(DEFAULT_POLICY, { keepPersonRow: reports.keepPersonRow(() => false) });
  const name = "Data Non ASN";
  const stream = session.openSheet(name);
  let collect = 0n;
  stream.push(
    1,
    GENERATED_COLUMNS.map((c): Cell => ({ t: "s", v: c.header })),
  );
  for (let i = 0; i < rows; i++) {
    const done = stream.push(i + 2, cellsOf(generatedRow(i)));
    const t = process.hrtime.bigint();
    reports.addRows(name, done);
    collect += process.hrtime.bigint() - t;
  }
  stream.end();
  const result = session.finishWorkbook();
  let t = process.hrtime.bigint();
  reports.endWorkbook(result);
  collect += process.hrtime.bigint() - t;
  const before = settle();
  const sampler = heapSampler();
  t = process.hrtime.bigint();
  const work = reports.sortSteps();
  let steps = 0;
  let longest = 0;
  for (;;) {
    const s = process.hrtime.bigint();
    const more = work.step();
    longest = Math.max(longest, seconds(s));
    steps++;
    if (!more) break;
  }
  const sort = seconds(t);
  t = process.hrtime.bigint();
  const pathChars = await write(reports.pathsSheet("id"), sampler.mark);
  const writePaths = seconds(t);
  t = process.hrtime.bigint();
  const reportChars = await write(reports.reportSheet("id"), sampler.mark);
  const writeReport = seconds(t);
  const peak = sampler.stop();
  console.log(
    `${rows} rows (collector): collect ${(Number(collect) / 1e9).toFixed(2)} s, sort ${sort.toFixed(2)} s ` +
      `(${steps} steps, longest ${longest.toFixed(3)} s), write CH Jalur ${writePaths.toFixed(2)} s ` +
      `(${reports.pathCount} people, ${(pathChars / MB).toFixed(0)} M chars), write CH Laporan ${writeReport.toFixed(2)} s ` +
      `(${reports.issueCount} problems, ${(reportChars / MB).toFixed(1)} M chars); kept ${(reports.byteSize / MB).toFixed(1)} MB ` +
      `for CH Jalur; heap peak +${((peak - before) / MB).toFixed(0)} MB over ${(before / MB).toFixed(0)} MB`,
  );
}

async function grids(rows: number): Promise<void> {
  const session = new CheckSession(DEFAULT_POLICY);
  const grid = [GENERATED_COLUMNS.map((c): Cell => ({ t: "s", v: c.header }))];
  for (let i = 0; i < rows; i++) grid.push(cellsOf(generatedRow(i)));
  session.checkSheet({ name: "Data Non ASN", rows: grid });
  grid.length = 0;
  const result = session.finishWorkbook();
  const before = settle();
  const sampler = heapSampler();
  let t = process.hrtime.bigint();
  const paths = pathsGrid([result], "id");
  const buildPaths = seconds(t);
  t = process.hrtime.bigint();
  await write(paths, sampler.mark);
  const writePaths = seconds(t);
  t = process.hrtime.bigint();
  const report = reportGrid([result], "id");
  const buildReport = seconds(t);
  t = process.hrtime.bigint();
  await write(report, sampler.mark);
  const writeReport = seconds(t);
  const peak = sampler.stop();
  console.log(
    `${rows} rows (whole grids): pathsGrid ${buildPaths.toFixed(2)} s, write CH Jalur ${writePaths.toFixed(2)} s, ` +
      `reportGrid ${buildReport.toFixed(2)} s, write CH Laporan ${writeReport.toFixed(2)} s; ` +
      `heap peak +${((peak - before) / MB).toFixed(0)} MB over ${(before / MB).toFixed(0)} MB (the result with every row)`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--sizes");
  const sizes = at >= 0 ? (args[at + 1] ?? "").split(",").map(Number) : [100_000, 1_048_575];
  for (const rows of sizes) await (args.includes("--grids") ? grids(rows) : streamed(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
