/**
 * `npm run bench`: how fast the engine is, and what checking with the annotated copy costs
 * next to (a) a plain ExcelJS open+save of the same file and (b) the floor of any tool
 * that rewrites the sheet: inflating its XML and deflating it again.
 *
 *   node --expose-gc dist-cli/bench/bench.js [--quick] [--sizes 100000,1048575] [--runs 5]
 *
 * For each size it writes a workbook of generated rows x 12 columns into bench/.out/
 * (kept for the next run), then runs each case in its own child process so memory peaks
 * are separate. The floor and the CLI run in turns (--runs; by default five times each up to
 * 100,000 rows, three at full height, where a run takes most of a minute): the medians are
 * compared, since one run on a shared two-core machine varies by a fifth and a slow spell of
 * a minute or so can take two runs of three. Times are measured inside the child (Node's start-up not counted):
 *  - engine: CheckSession over rows already in memory (no I/O); only engine calls timed.
 *  - floor:  zlib inflate + deflate at zlib's default level (6) of every worksheet part, on one
 *            thread: the floor as issue 8 measured it, a property of the workbook and this machine
 *            (the copy itself is written at DEFLATE_LEVEL, 5: its own choice, not the yardstick's).
 *  - plain:  ExcelJS in-memory readFile + writeFile, no check (up to 100,000 rows: beyond,
 *            it needs gigabytes; the full-height case is measured for memory instead).
 *  - cli:    the CLI's own entry point, `check <file> --out <copy>`.
 * Targets (issue 8): at 100,000 rows cli <= plain / 4 and cli <= 5 x floor; at 1,048,575
 * rows the cli completes with a peak RSS under 300 MB.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import { cpus } from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { Cell } from "../src/core/cells";
import { CheckSession } from "../src/core/engine";
import { DEFAULT_POLICY } from "../src/core/policy";
import { run } from "../src/cli/main";
import { openPackage } from "../src/package/workbook";
import { DEFLATE_LEVEL, entryBytes, inflateChunks } from "../src/package/zip";
import { WHOLE_PART_LIMIT } from "../src/package/sheet-reader";
import { NODE_CODEC, syncDeflater } from "../src/cli/node-codec";
import { tuneHeapGrowth } from "../src/cli/heap";
// ExcelJS and the fixture writer (which uses it) are loaded only by the cases that need them:
// the CLI's process must hold what the command line holds, not ExcelJS's 28 MB of modules.
type Fixtures = typeof import("../test/fixtures/make-fixtures");
let fixturesModule: Fixtures | undefined;
const fixtures = (): Fixtures => (fixturesModule ??= require("../test/fixtures/make-fixtures") as Fixtures);
const excelJs = (): typeof ExcelJS => {
  const loaded = require("exceljs") as typeof ExcelJS & { default?: typeof ExcelJS };
  return loaded.default ?? loaded;
};

const FULL_HEIGHT = 1_048_575;
const PLAIN_LIMIT = 100_000;
const OUT_DIR = path.join(__dirname, "..", "..", "bench", ".out");

type CaseName = "engine" | "floor" | "plain" | "cli";

interface Measure {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly exitCode?: number;
  /** CPU seconds of the process's main thread alone (Linux; null elsewhere): steadier than wall time on a busy machine. */
  readonly mainCpuSeconds?: number | null;
}

/** CPU time (user + system) of the main thread so far, from /proc (clock ticks of 1/100 s); null off Linux. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

// ---- child side ---------------------------------------------------------------------------

/**
 * The kernel's peak RSS of this process in bytes. On Linux VmHWM, this process's own since its
 * exec: getrusage's maxRSS also keeps what the parent held when it forked (a bench that has
 * just written a full-height workbook with ExcelJS is 570 MB, and every child then "peaked" there).
 */
function kernelPeakRss(): number {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // Not Linux: getrusage it is.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Samples RSS every 50 ms; the peak is the larger of the samples and the kernel's peak. */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss, kernelPeakRss()) / (1024 * 1024);
  };
}

const SERIAL_OF_EPOCH = 25569;

/** zlib's default level: the floor issue 8 measured (0.87 s at 100k), whatever level the copy uses. */
const FLOOR_LEVEL = 6;

/** The generated row as core cells (dates as 1900 serials), built outside the timing. */
function rowToCells(values: readonly ExcelJS.CellValue[]): Cell[] {
  return values.map((v, i): Cell => {
    const format = fixtures().GENERATED_FORMATS[i];
    if (v === null || v === undefined) return null;
    if (v instanceof Date)
      return { t: "d", v: v.getTime() / 86_400_000 + SERIAL_OF_EPOCH, ...(format ? { format } : {}) };
    if (typeof v === "number") return { t: "n", v, ...(format ? { format } : {}) };
    if (typeof v === "string") return { t: "s", v, ...(format ? { format } : {}) };
    return null;
  });
}

async function engineCase(rows: number): Promise<Measure> {
  const peak = rssSampler();
  const session = new CheckSession(DEFAULT_POLICY);
  const sheet = session.openSheet("Data Non ASN");
  let ns = 0n;
  let t = process.hrtime.bigint();
  sheet.push(
    1,
    fixtures().GENERATED_COLUMNS.map((c): Cell => ({ t: "s", v: c.header })),
  );
  ns += process.hrtime.bigint() - t;
  for (let i = 0; i < rows; i++) {
    const cells = rowToCells(fixtures().generatedRow(i));
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

async function floorCase(file: string): Promise<Measure> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const peak = rssSampler();
  const start = process.hrtime.bigint();
  // Node's zlib as the CLI has it, 1 MB pieces, at zlib's default level: the floor of any rewrite of the sheet.
  const pkg = openPackage(bytes, NODE_CODEC);
  let out = 0;
  for (const sheet of pkg.sheets) {
    const entry = sheet.part !== null ? pkg.zip.byName.get(sheet.part.toLowerCase()) : undefined;
    if (entry === undefined) continue;
    const deflate = syncDeflater(FLOOR_LEVEL);
    const xml = entry.size <= WHOLE_PART_LIMIT ? [entryBytes(pkg.zip, entry)] : null;
    const push = (chunk: Uint8Array): void => {
      for (let i = 0; i < chunk.length; i += 1 << 20)
        for (const c of deflate(chunk.subarray(i, i + (1 << 20)), false)) out += c.length;
    };
    if (xml !== null) xml.forEach(push);
    else inflateChunks(pkg.zip, entry, push);
    for (const c of deflate(new Uint8Array(0), true)) out += c.length;
  }
  if (out === 0) throw new Error("no sheet deflated");
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak() };
}

async function plainCase(file: string, out: string): Promise<Measure> {
  const peak = rssSampler();
  const start = process.hrtime.bigint();
  const wb = new (excelJs().Workbook)();
  await wb.xlsx.readFile(file);
  await wb.xlsx.writeFile(out);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak() };
}

async function cliCase(file: string, out: string): Promise<Measure> {
  await fs.rm(out, { force: true });
  tuneHeapGrowth(); // as main() does for a user's run
  const peak = rssSampler();
  const start = process.hrtime.bigint();
  const cpuBefore = mainThreadCpu();
  const exitCode = await run(["check", file, "--out", out], {
    stdout: () => undefined,
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: false,
  });
  const cpuAfter = mainThreadCpu();
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    peakRssMb: peak(),
    exitCode,
    mainCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
  };
}

async function child(args: readonly string[]): Promise<void> {
  const [name, rowsText, file = ""] = args;
  const rows = Number(rowsText);
  const out = path.join(OUT_DIR, `out-${name}-${rows}.xlsx`);
  const measure =
    name === "engine"
      ? await engineCase(rows)
      : name === "floor"
        ? await floorCase(file)
        : name === "plain"
          ? await plainCase(file, out)
          : await cliCase(file, out);
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
    `writing ${path.relative(process.cwd(), file)} (${rows.toLocaleString("en")} rows x ${fixtures().GENERATED_COLUMNS.length} columns)...\n`,
  );
  const partial = `${file}.part`;
  await fixtures().writeGeneratedWorkbook(partial, rows, {
    title: false,
    onProgress: (done) => process.stdout.write(`  ${done.toLocaleString("en")} rows\n`),
  });
  await fs.rename(partial, file);
  return file;
}

/** The run with the median time (of an even count, the slower middle one); its peak memory is that run's. */
function median(measures: readonly Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Measure;
}

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
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
      : [100_000, FULL_HEIGHT];
  const runsArg = args.indexOf("--runs");
  const runsGiven = runsArg !== -1 ? Math.max(1, Math.floor(Number(args[runsArg + 1])) || 1) : null;
  const runsFor = (rows: number): number => runsGiven ?? (rows <= PLAIN_LIMIT ? 5 : 3);
  await fs.mkdir(OUT_DIR, { recursive: true });
  process.stdout.write(
    `Cek Honorer benchmark: node ${process.version}, ${cpus().length} cores; floor and CLI: median of ${sizes.map((rows) => `${runsFor(rows)} run(s) at ${rows.toLocaleString("en")} rows`).join(", ")}\n`,
  );
  const results: {
    rows: number;
    bytes: number;
    engine: Measure;
    floor: Measure;
    plain: Measure | null;
    cli: Measure;
    cliRuns: readonly Measure[];
  }[] = [];
  for (const rows of sizes) {
    const file = await ensureWorkbook(rows);
    const bytes = (await fs.stat(file)).size;
    process.stdout.write(`${rows.toLocaleString("en")} rows (${fmt(bytes / 1048576)} MB): engine...`);
    const engine = await runChild("engine", rows, file);
    let plain: Measure | null = null;
    if (rows <= PLAIN_LIMIT) {
      process.stdout.write(" plain ExcelJS...");
      plain = await runChild("plain", rows, file);
    }
    // The floor and the CLI in turns, `runs` times each: a shared machine's slow spells then fall
    // on both, and the median of each is compared.
    const floors: Measure[] = [];
    const clis: Measure[] = [];
    for (let run = 1, runs = runsFor(rows); run <= runs; run++) {
      process.stdout.write(` floor ${run}...`);
      floors.push(await runChild("floor", rows, file));
      process.stdout.write(` cli ${run}...`);
      clis.push(await runChild("cli", rows, file));
    }
    process.stdout.write(" done\n");
    results.push({ rows, bytes, engine, floor: median(floors), plain, cli: median(clis), cliRuns: clis });
  }
  const body = results.map(({ rows, engine, floor, plain, cli, cliRuns }) => [
    rows.toLocaleString("en"),
    fmt(engine.seconds, 2),
    fmt(floor.seconds, 2),
    plain !== null ? fmt(plain.seconds, 2) : "-",
    fmt(cli.seconds, 2),
    cli.mainCpuSeconds !== null && cli.mainCpuSeconds !== undefined ? fmt(cli.mainCpuSeconds, 2) : "-",
    plain !== null ? `${fmt(cli.seconds / plain.seconds, 3)}` : "-",
    `${fmt(cli.seconds / floor.seconds, 2)}`,
    fmt((cli.seconds / rows) * 1e6, 1),
    fmt(engine.peakRssMb, 0),
    plain !== null ? fmt(plain.peakRssMb, 0) : "-",
    fmt(Math.max(...cliRuns.map((m) => m.peakRssMb)), 0),
  ]);
  process.stdout.write(
    `\n${table(
      [
        "rows",
        "engine s",
        "floor s",
        "plain s",
        "CLI s",
        "CLI main CPU s",
        "CLI/plain",
        "CLI/floor",
        "CLI us/row",
        "engine MB",
        "plain MB",
        "CLI MB",
      ],
      body,
    )}\n`,
  );
  const verdicts: string[] = [];
  for (const r of results) {
    if (r.plain !== null && r.rows >= PLAIN_LIMIT)
      verdicts.push(
        `${r.rows}: CLI/plain ${fmt(r.cli.seconds / r.plain.seconds, 3)} (target <= 0.25), CLI/floor ${fmt(r.cli.seconds / r.floor.seconds, 2)} (target <= 5)`,
      );
    if (r.rows === FULL_HEIGHT)
      verdicts.push(
        `${r.rows}: CLI peak ${fmt(Math.max(...r.cliRuns.map((m) => m.peakRssMb)), 0)} MB, the highest of its runs (target < 300)`,
      );
    if (r.cliRuns.length > 1)
      verdicts.push(
        `${r.rows}: CLI runs ${r.cliRuns.map((m) => `${fmt(m.seconds, 2)} s / ${fmt(m.peakRssMb, 0)} MB`).join(", ")}`,
      );
  }
  process.stdout.write(
    [
      "",
      `engine: CheckSession over rows in memory (no I/O). floor: zlib inflate+deflate (level ${FLOOR_LEVEL}, zlib's default) of the sheet XML only; the copy is written at level ${DEFLATE_LEVEL}.`,
      "plain: ExcelJS in-memory open+save, no check. CLI: `cek-honorer check <file> --out <copy>` (read, check,",
      "patched copy with computed columns, marks, notes and report sheets). MB: peak resident memory of that process",
      "(CLI: the highest of its runs). Times: floor and CLI are the medians of their runs.",
      "CLI main CPU: its main thread's CPU time; compression runs beside it on libuv's thread pool, so on an idle",
      "second core the wall time comes close to it.",
      ...verdicts,
      "",
    ].join("\n"),
  );
  if (results.some((r) => r.cli.exitCode === 2)) process.exitCode = 1;
}

const argv = process.argv.slice(2);
(argv[0] === "--child" ? child(argv.slice(1)) : parent(argv)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
