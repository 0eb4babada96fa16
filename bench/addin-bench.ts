/// <reference types="office-js" />
/**
 * `npm run bench:excel`: the add-in's adapter (src/addin) run on the test host (test/host)
 * over a generated personnel sheet of 10k, 100k and 1,048,575 rows x 20 columns. For
 * each it prints the syncs, the chunks read, the largest request and response, the time
 * spent in the add-in's own code (total minus the host's time), the longest time the
 * event loop was blocked (Office restarts an add-in that blocks for 5 s) and the heap.
 *
 *   node dist-cli/bench/addin-bench.js [--sizes 10000,100000] [--kinds check,all]
 *
 * Each case runs in its own child process so memory peaks are separate.
 */
import { execFile } from "child_process";
import { DEFAULT_POLICY } from "../src/core/policy";
import { type ActionKind, runAction } from "../src/addin/actions";
import { createHost } from "../test/host";
import { GENERATED_FIRST_ROW, generatedPersonnel } from "../test/addin/fixtures";

const FULL_HEIGHT = 1_048_575;
const TARGET_SYNCS_100K = 30;
const LIMIT_4MB = 4 * 1024 * 1024;
/** Office restarts an add-in that blocks for 5 s. */
const BLOCK_LIMIT_MS = 5_000;

interface CaseResult {
  readonly rows: number;
  readonly kind: ActionKind;
  readonly ok: boolean;
  readonly message: string;
  readonly syncs: number;
  readonly chunks: number;
  readonly largestRequest: number;
  readonly largestResponse: number;
  readonly totalMs: number;
  readonly hostMs: number;
  readonly longestGapMs: number;
  /** Longest time the event loop was blocked (add-in code, plus at most one sync's host work). */
  readonly longestBlockMs: number;
  readonly heapMb: number;
  readonly failures: readonly string[];
}

async function runCase(rows: number, kind: ActionKind): Promise<CaseResult> {
  const host = createHost([{ name: "Data", source: generatedPersonnel(rows - GENERATED_FIRST_ROW) }]);
  const restore = host.install();
  let peak = 0;
  let lastTick = performance.now();
  let longestBlock = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - lastTick);
    lastTick = now;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  try {
    const started = performance.now();
    const outcome = await runAction(kind, { policy: DEFAULT_POLICY, lang: "id" });
    const totalMs = performance.now() - started;
    const s = host.stats;
    return {
      rows,
      kind,
      ok: outcome.ok,
      message: outcome.message,
      syncs: s.syncs,
      chunks: s.records.filter((r) => /Range\.load\(values/.test(r.summary) && r.responseBytes > 100_000).length,
      largestRequest: s.largestRequest?.requestBytes ?? 0,
      largestResponse: s.largestResponse?.responseBytes ?? 0,
      totalMs,
      hostMs: s.hostMs,
      longestGapMs: s.maxGapMs,
      longestBlockMs: longestBlock,
      heapMb: Math.max(peak, process.memoryUsage().heapUsed) / 1e6,
      failures: s.failures,
    };
  } finally {
    clearInterval(timer);
    restore();
  }
}

function child(rows: number, kind: ActionKind): Promise<CaseResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--max-old-space-size=8192", __filename, "--case", `${rows}:${kind}`],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${rows} ${kind}: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split("\n").pop() as string) as CaseResult);
      },
    );
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function line(r: CaseResult): string {
  return [
    `${String(r.rows).padStart(9)} rows  ${r.kind.padEnd(5)}`,
    `syncs ${String(r.syncs).padStart(3)} (${r.chunks} chunks read)`,
    `largest request ${mb(r.largestRequest)}, response ${mb(r.largestResponse)}`,
    `add-in ${s(r.totalMs - r.hostMs)} (total ${s(r.totalMs)}, host ${s(r.hostMs)})`,
    `longest block ${s(r.longestBlockMs)}`,
    `heap ${r.heapMb.toFixed(0)} MB`,
    r.ok ? "" : `FAILED: ${r.message} ${r.failures.join(",")}`,
  ].join(" | ");
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const single = option("--case");
  if (single !== undefined) {
    const [rows, kind] = single.split(":");
    process.stdout.write(`${JSON.stringify(await runCase(Number(rows), kind as ActionKind))}\n`);
    return;
  }
  const sizes = (option("--sizes") ?? `10000,100000,${FULL_HEIGHT}`).split(",").map(Number);
  const kinds = (option("--kinds") ?? "check,all").split(",") as ActionKind[];
  console.log(
    "Excel adapter on the test host: generated personnel sheet, 20 columns, 1 NIK in 100 faulty, 1 TMT in 250 #N/A",
  );
  let pass = true;
  for (const rows of sizes) {
    for (const kind of kinds) {
      const r = await child(rows, kind).catch((e: Error) => {
        console.log(`${rows} ${kind}: ${e.message.split("\n")[0]}`);
        pass = false;
        return null;
      });
      if (r === null) continue;
      console.log(line(r));
      const over =
        r.largestRequest > LIMIT_4MB ||
        r.largestResponse > LIMIT_4MB ||
        (rows === 100_000 && r.syncs > TARGET_SYNCS_100K) ||
        r.longestBlockMs > BLOCK_LIMIT_MS ||
        !r.ok;
      if (over) pass = false;
    }
  }
  console.log(
    pass
      ? "Targets met: no payload over 4 MB; 100k rows in at most 30 syncs; no block of 5 s."
      : "Some targets were missed (see above).",
  );
  if (!pass) process.exitCode = 1;
}

void main();
