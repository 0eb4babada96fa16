/**
 * Shared by the end-to-end tests: runs the built command line as a child process and
 * writes each suite's fixtures into its own folder (suites run in parallel).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { type FixturePaths, writeFixtures } from "../fixtures/make-fixtures";
import { run } from "../../src/cli/main";
import type { OpenOutput } from "../../src/cli/safe-write";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "cek-honorer.js");
const BUILT = path.join(ROOT, "dist-cli", "src", "cli", "main.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string = ROOT): Promise<CliRun> {
  if (!existsSync(BUILT))
    throw new Error("dist-cli is missing: run `npm run build:cli` (npm test does) before these tests");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh folder under test/.out for one suite, with the fixtures written into it. */
export async function suiteFixtures(suite: string): Promise<FixturePaths> {
  const dir = path.join(ROOT, "test", ".out", suite);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  return writeFixtures(dir);
}

export async function readJson<T = unknown>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, "utf8")) as T;
}

/** The JSON report's shapes, as far as the tests read them. */
export interface JsonIssue {
  code: string;
  severity: "error" | "warning";
  column: string | null;
  message: string;
  sheet?: string;
  row?: number | null;
  file?: string;
}
export interface JsonRow {
  row: number;
  name?: string | null;
  nik?: string | null;
  tenure?: { years: number; months: number; totalMonths: number } | null;
  meetsMinTenure?: boolean | null;
  ageYears?: number | null;
  endsAtCutoff?: boolean;
  category?: string;
  person?: string | null;
  jp?: number | null;
  counted?: boolean;
  issues: JsonIssue[];
}
export interface JsonSheet {
  name: string;
  kind: string;
  headerRow: number | null;
  columns: Record<string, string>;
  issues: JsonIssue[];
  rows: JsonRow[];
}
export interface JsonTally {
  person: string;
  status: string | null;
  year: number;
  jp: number;
  verdict: string;
  sheet: string;
  rows: number[];
}
export interface JsonSummary {
  people: number;
  trainingRows: number;
  bySeverity: { error: number; warning: number };
  byCode: Record<string, number>;
  byCategory: Record<string, number>;
}
export interface JsonWorkbook {
  file?: string;
  policy: Record<string, unknown>;
  sheets: JsonSheet[];
  training: JsonTally[];
  issues: JsonIssue[];
  summary: JsonSummary;
}
export interface JsonSeveral {
  files: JsonWorkbook[];
  summary: JsonSummary;
  unreadable: { file: string; reason: string }[];
}

/** Runs the command line in this process (an injected writer can fail like a full disk). */
export async function runInProcess(
  args: string[],
  openOutput?: OpenOutput,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTty: false,
    ...(openOutput !== undefined ? { openOutput } : {}),
  });
  return { code, stdout, stderr };
}

/** The temporary files a run left in `dir`. */
export const leftovers = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir)).filter((n) => n.endsWith(".part"));

/** A writer that fails with ENOSPC once `limit` bytes are written, as a full disk does. */
export const fullDisk =
  (limit: number): OpenOutput =>
  async (file) => {
    const handle = await fs.open(file, "wx");
    let written = 0;
    return {
      write: async (chunk) => {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
        if (written + bytes.length > limit) {
          await handle.write(bytes.subarray(0, limit - written));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }
        written += bytes.length;
        await handle.write(bytes);
      },
      close: () => handle.close(),
    };
  };
