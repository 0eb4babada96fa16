/**
 * `npm run bench:rekap` (part of `npm run bench`): the rekap of 40 OPD files of 1,000
 * people each, through the command line's own entry point, in a child process.
 * Prints the wall time and the peak resident memory. Target: under 10 s on this machine.
 *
 *   node dist-cli/bench/rekap-bench.js [--files 40] [--people 1000]
 *
 * The files are written once into bench/.out/rekap-<files>x<people>/ and kept. Each
 * file has its own people (generated rows i + file x people), a title row naming its
 * OPD, and the generator's usual defects (about 1 row in 50 with a NIK typed as a number).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import { cpus, loadavg } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { GENERATED_COLUMNS, GENERATED_FORMATS, generatedRow } from "../test/fixtures/make-fixtures";

const OUT_DIR = path.join(__dirname, "..", "..", "bench", ".out");
const OPDS = [
  "DINAS PENDIDIKAN",
  "DINAS KESEHATAN",
  "DINAS LINGKUNGAN HIDUP",
  "BADAN KEUANGAN DAERAH",
  "KECAMATAN KOTA",
];

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

async function writeOpdFile(file: string, index: number, people: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data Non ASN");
  ws.addRow([`DAFTAR TENAGA NON ASN ${OPDS[index % OPDS.length]} ${index + 1} KOTA BALIKPAPAN`]);
  ws.addRow([]);
  ws.addRow(GENERATED_COLUMNS.map((c) => c.header));
  for (let i = 0; i < people; i++) {
    const row = ws.addRow(generatedRow(index * people + i));
    GENERATED_FORMATS.forEach((format, c) => {
      if (format !== undefined) row.getCell(c + 1).numFmt = format;
    });
  }
  await wb.xlsx.writeFile(file);
}

async function ensureFolder(files: number, people: number): Promise<string> {
  const folder = path.join(OUT_DIR, `rekap-${files}x${people}`);
  await fs.mkdir(folder, { recursive: true });
  for (let f = 0; f < files; f++) {
    const file = path.join(folder, `${String(f + 1).padStart(2, "0")}_OPD.xlsx`);
    if (!existsSync(file)) await writeOpdFile(file, f, people);
  }
  return folder;
}

/** The child: runs the CLI's entry point and reports its own time and peak memory as JSON on stderr's last line. */
const CHILD = `
const { run } = require(${JSON.stringify(path.join(__dirname, "..", "src", "cli", "main.js"))});
require(${JSON.stringify(path.join(__dirname, "..", "src", "cli", "heap.js"))}).tuneHeapGrowth(); // as main() does
let peak = process.memoryUsage().rss;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
const started = process.hrtime.bigint();
let out = "";
run(process.argv.slice(1), { stdout: (t) => { out += t; }, stderr: () => {}, stderrIsTty: false }).then((code) => {
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stderr.write(JSON.stringify({ code, seconds, cpuSeconds, peak: Math.max(peak, maxRss), lines: out.trimEnd().split("\\n").length }) + "\\n");
});
`;

function runChild(
  args: readonly string[],
): Promise<{ code: number; seconds: number; cpuSeconds: number; peak: number; lines: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", CHILD, ...args], { maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      const last = stderr.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(last) as { code: number; seconds: number; cpuSeconds: number; peak: number; lines: number });
      } catch {
        reject(error ?? new Error(stderr));
      }
    });
  });
}

async function main(): Promise<void> {
  const files = argValue("files", 40);
  const people = argValue("people", 1000);
  const folder = await ensureFolder(files, people);
  const out = path.join(OUT_DIR, `rekap-${files}x${people}.xlsx`);
  const json = path.join(OUT_DIR, `rekap-${files}x${people}.json`);
  const started = Date.now();
  const m = await runChild(["rekap", folder, "--out", out, "--json", json]);
  const wall = (Date.now() - started) / 1000;
  const size = (await fs.stat(out)).size;
  console.log(`rekap of ${files} files x ${people} people (${files * people} rows):`);
  console.log(
    `  cli: ${m.seconds.toFixed(2)} s inside the process (${wall.toFixed(2)} s with Node's start-up; ` +
      `${m.cpuSeconds.toFixed(2)} s of CPU), ` +
      `peak RSS ${(m.peak / 1048576).toFixed(0)} MB, exit ${m.code}, ${m.lines} terminal lines, ` +
      `rekap workbook ${(size / 1048576).toFixed(1)} MB`,
  );
  console.log(
    `  target: under 10 s -> ${wall < 10 ? "met" : "NOT met"} (load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
