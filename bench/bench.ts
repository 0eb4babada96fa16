/**
 * `npm run bench`: how fast the engine is, what it adds to reading and writing a
 * workbook, whether cost per row stays flat, and the memory a full-height sheet takes.
 *
 *   node --expose-gc dist-cli/bench/bench.js [--quick] [--sizes 10000,100000]
 *
 * For each size it writes a workbook of generated rows x 12 columns into bench/.out/
 * (kept for the next run), then runs three cases, each in its own child process so
 * memory peaks are separate:
 *  - engine:  CheckSession over rows already in memory (no I/O); only engine calls are timed.
 *  - plain:   ExcelJS read + write of the same file, the way the CLI reads and writes it
 *             (in memory up to 100k rows; streaming for the full-height sheet, through the
 *             same reordered zip stream and row copy as the CLI), without any checking.
 *  - cli:     the CLI's own entry point (`check <file> --out <copy>`, + `--streaming`).
 * Times are measured inside the child, so Node's start-up is not counted.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import { cpus } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CheckSession } from "../src/core/engine";
import { DEFAULT_POLICY } from "../src/core/policy";
import type { Cell } from "../src/core/cells";
import { cellFromValue } from "../src/cli/excel-cell";
import { STREAM_READ_OPTIONS, copyColumns, copyRow, readerName, streamWriter } from "../src/cli/check-streaming";
import { fixStreamingColumnWidths } from "../src/cli/exceljs-fixes";
import { orderedXlsxStream } from "../src/cli/zip-order";
import { run } from "../src/cli/main";
import { annotateWorkbook } from "../src/cli/annotate-workbook";
import { dataWorksheets, readWorkbookFile, worksheetToGrid } from "../src/cli/read-workbook";
import {
  GENERATED_COLUMNS,
  GENERATED_FORMATS,
  generatedRow,
  writeGeneratedWorkbook,
} from "../test/fixtures/make-fixtures";

const FULL_HEIGHT = 1_048_575;
/** Largest size read and written in memory; above it, the streaming mode (as the CLI chooses for big files). */
const IN_MEMORY_LIMIT = 100_000;
const OUT_DIR = path.join(__dirname, "..", "..", "bench", ".out");

type CaseName = "engine" | "plain" | "cli" | "steps";

interface Measure {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly exitCode?: number;
  /** For "steps": seconds per phase of the in-memory CLI path. */
  readonly phases?: Readonly<Record<string, number>>;
}

// ---- child side ---------------------------------------------------------------------------

/** Samples RSS every 50 ms; the peak is the larger of the samples and the kernel's maxRSS. */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    const kernelPeak = process.resourceUsage().maxRSS * 1024;
    return Math.max(peak, process.memoryUsage().rss, kernelPeak) / (1024 * 1024);
  };
}

function rowToCells(values: readonly ExcelJS.CellValue[]): Cell[] {
  return values.map((v, i) => cellFromValue(v, GENERATED_FORMATS[i]));
}

async function engineCase(rows: number): Promise<Measure> {
  const peak = rssSampler();
  const session = new CheckSession(DEFAULT_POLICY);
  const sheet = session.openSheet("Data Non ASN");
  let ns = 0n;
  const header = GENERATED_COLUMNS.map((c): Cell => ({ t: "s", v: c.header }));
  let t = process.hrtime.bigint();
  sheet.push(1, header);
  ns += process.hrtime.bigint() - t;
  for (let i = 0; i < rows; i++) {
    const cells = rowToCells(generatedRow(i)); // building the row is not timed
    t = process.hrtime.bigint();
    sheet.push(i + 2, cells);
    ns += process.hrtime.bigint() - t;
  }
  t = process.hrtime.bigint();
  sheet.end();
  const result = session.finishWorkbook();
  ns += process.hrtime.bigint() - t;
  if (result.summary.people !== rows) throw new Error(`engine saw ${result.summary.people} people, expected ${rows}`);
  return { seconds: Number(ns) / 1e9, peakRssMb: peak() };
}

async function plainCase(file: string, out: string, streaming: boolean): Promise<Measure> {
  const peak = rssSampler();
  const start = process.hrtime.bigint();
  if (!streaming) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  } else {
    fixStreamingColumnWidths();
    const ordered = await orderedXlsxStream(file);
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(ordered?.stream ?? file, STREAM_READ_OPTIONS);
      const writer = streamWriter(out);
      for await (const sheet of reader) {
        const target = writer.addWorksheet(readerName(sheet));
        let first = true;
        for await (const row of sheet) {
          if (first) {
            copyColumns(sheet, target);
            first = false;
          }
          const copy = target.getRow(row.number);
          copyRow(row, copy);
          copy.commit();
        }
        target.commit();
      }
      await writer.commit();
    } finally {
      ordered?.close();
    }
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak() };
}

async function cliCase(file: string, out: string, streaming: boolean): Promise<Measure> {
  const peak = rssSampler();
  const start = process.hrtime.bigint();
  const exitCode = await run(["check", file, "--out", out, ...(streaming ? ["--streaming"] : [])], {
    stdout: () => undefined,
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: false,
  });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak(), exitCode };
}

/**
 * The in-memory CLI path (checkInMemory) phase by phase, with the same functions, to
 * show where the CLI's time beyond the plain read+write goes.
 */
async function stepsCase(file: string, out: string): Promise<Measure> {
  const peak = rssSampler();
  const phases: Record<string, number> = {};
  let t = process.hrtime.bigint();
  const lap = (name: string): void => {
    const now = process.hrtime.bigint();
    phases[name] = Number(now - t) / 1e9;
    t = now;
  };
  const start = t;
  const workbook = await readWorkbookFile(file);
  lap("read");
  const session = new CheckSession(DEFAULT_POLICY);
  const grids = dataWorksheets(workbook).map((ws) => worksheetToGrid(ws));
  lap("grid");
  for (const grid of grids) session.checkSheet(grid);
  const result = session.finishWorkbook();
  lap("check");
  annotateWorkbook(workbook, result, "id");
  lap("annotate");
  await workbook.xlsx.writeFile(out);
  lap("write");
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak(), phases };
}

async function child(args: readonly string[]): Promise<void> {
  const [name, rowsText, file] = args;
  const rows = Number(rowsText);
  const streaming = rows > IN_MEMORY_LIMIT;
  const out = path.join(OUT_DIR, `out-${name}-${rows}.xlsx`);
  const measure =
    name === "engine"
      ? await engineCase(rows)
      : name === "plain"
        ? await plainCase(file, out, streaming)
        : name === "steps"
          ? await stepsCase(file, out)
          : await cliCase(file, out, streaming);
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

// ---- parent side --------------------------------------------------------------------------

function runChild(name: CaseName, rows: number, file: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--max-old-space-size=6144", __filename, "--child", name, String(rows), file],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(new Error(`${name} ${rows}: ${stderr.trim().split("\n").slice(-3).join(" | ") || error.message}`));
          return;
        }
        const line = stdout.trim().split("\n").pop() ?? "";
        resolve(JSON.parse(line) as Measure);
      },
    );
  });
}

async function ensureWorkbook(rows: number): Promise<string> {
  const file = path.join(OUT_DIR, `rows-${rows}.xlsx`);
  if (existsSync(file)) return file;
  process.stdout.write(
    `writing ${path.relative(process.cwd(), file)} (${rows.toLocaleString("en")} rows x ${GENERATED_COLUMNS.length} columns)...\n`,
  );
  const partial = `${file}.part`;
  await writeGeneratedWorkbook(partial, rows, {
    title: false,
    onProgress: (done) => process.stdout.write(`  ${done.toLocaleString("en")} rows\n`),
  });
  await fs.rename(partial, file);
  return file;
}

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function parent(args: readonly string[]): Promise<void> {
  const sizesArg = args.indexOf("--sizes");
  const sizes = args.includes("--quick")
    ? [10_000]
    : sizesArg !== -1
      ? (args[sizesArg + 1] ?? "")
          .split(",")
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0 && n <= FULL_HEIGHT)
      : [10_000, 100_000, FULL_HEIGHT];
  await fs.mkdir(OUT_DIR, { recursive: true });
  process.stdout.write(`Cek Honorer benchmark: node ${process.version}, ${cpus().length} cores\n`);

  const results: {
    rows: number;
    engine: Measure;
    plain: Measure;
    cli: Measure;
    steps: Measure | null;
    bytes: number;
  }[] = [];
  for (const rows of sizes) {
    const file = await ensureWorkbook(rows);
    const bytes = (await fs.stat(file)).size;
    process.stdout.write(`${rows.toLocaleString("en")} rows (${fmt(bytes / 1048576)} MB): engine...`);
    const engine = await runChild("engine", rows, file);
    process.stdout.write(" plain ExcelJS...");
    const plain = await runChild("plain", rows, file);
    process.stdout.write(" cli...");
    const cli = await runChild("cli", rows, file);
    let steps: Measure | null = null;
    if (rows <= IN_MEMORY_LIMIT) {
      process.stdout.write(" phases...");
      steps = await runChild("steps", rows, file);
    }
    process.stdout.write(" done\n");
    results.push({ rows, engine, plain, cli, steps, bytes });
  }

  const body = results.map(({ rows, engine, plain, cli }) => [
    rows.toLocaleString("en"),
    rows > IN_MEMORY_LIMIT ? "streaming" : "in memory",
    fmt(rows / engine.seconds, 0),
    fmt((engine.seconds / rows) * 1e6, 2),
    fmt(plain.seconds, 2),
    fmt(cli.seconds, 2),
    `${fmt(cli.seconds / plain.seconds, 2)}x`,
    `${fmt((engine.seconds / plain.seconds) * 100, 1)}%`,
    fmt((plain.seconds / rows) * 1e6, 1),
    fmt((cli.seconds / rows) * 1e6, 1),
    fmt(engine.peakRssMb, 0),
    fmt(plain.peakRssMb, 0),
    fmt(cli.peakRssMb, 0),
  ]);
  process.stdout.write(
    `\n${table(
      [
        "rows",
        "mode",
        "engine rows/s",
        "engine us/row",
        "plain r+w s",
        "CLI s",
        "CLI/plain",
        "engine/plain",
        "plain us/row",
        "CLI us/row",
        "engine MB",
        "plain MB",
        "CLI MB",
      ],
      body,
    )}\n`,
  );
  const phased = results.filter((r) => r.steps !== null);
  if (phased.length > 0) {
    const names = ["read", "grid", "check", "annotate", "write"];
    process.stdout.write(
      `\nIn-memory CLI path by phase (seconds):\n${table(
        ["rows", ...names, "total"],
        phased.map(({ rows, steps }) => [
          rows.toLocaleString("en"),
          ...names.map((n) => fmt(steps?.phases?.[n] ?? 0, 2)),
          fmt(steps?.seconds ?? 0, 2),
        ]),
      )}\n`,
    );
  }
  process.stdout.write(
    [
      "",
      "engine: CheckSession over rows already in memory, only engine calls timed (no I/O).",
      "plain r+w: ExcelJS reads and writes the file with no check, in the same mode as the CLI.",
      "CLI: `cek-honorer check <file> --out <copy>`, timed inside the process (start-up excluded).",
      "us/row: microseconds per row (flat = linear cost). MB: peak resident memory of that case's process.",
      "engine/plain: the engine's time as a share of the plain read+write (target: at most 15% at 100,000 rows).",
      "CLI/plain also counts what the annotated copy adds: 9 computed columns per person row, marks with notes,",
      "and the report, summary and JP tally sheets, all written by ExcelJS (phases: grid = cells to the core's grid,",
      "check = engine, annotate = computed columns, marks and report sheets into the workbook, write = ExcelJS writeFile).",
      "",
    ].join("\n"),
  );
  const bad = results.filter((r) => r.cli.exitCode === 2);
  if (bad.length > 0) process.exitCode = 1;
}

const argv = process.argv.slice(2);
(argv[0] === "--child" ? child(argv.slice(1)) : parent(argv)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
