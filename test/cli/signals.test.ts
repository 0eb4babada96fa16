/**
 * Issue 8: Ctrl+C (SIGINT) or a SIGTERM while the command line writes its copy leaves
 * nothing behind: no temporary file (it would hold names and NIKs), no partial copy, no
 * JSON. The built CLI runs on a workbook large enough that writing takes a while; the
 * signal is sent once its temporary file exists (watched, not timed).
 */
import { type ChildProcess, spawn } from "child_process";
import { watch, promises as fs } from "fs";
import * as path from "path";
import { cliMessage } from "../../src/cli/messages";
import { writeGeneratedWorkbook } from "../fixtures/make-fixtures";
import { ROOT } from "./helpers";

const DIR = path.join(ROOT, "test", ".out", "signals");
const BIG = path.join(DIR, "besar.xlsx");
/** Rows enough that patching the sheet outlasts the moment the signal is sent, even on a quiet machine. */
const ROWS = 60_000;

beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
  await writeGeneratedWorkbook(BIG, ROWS);
});

/** Resolves when a file whose name ends with `.part` appears in `dir`; rejects if `child` exits first. */
function partFileAppears(dir: string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir, (_event, name) => {
      if (name !== null && String(name).endsWith(".part")) {
        watcher.close();
        resolve(String(name));
      }
    });
    child.once("exit", (code) => {
      watcher.close();
      reject(new Error(`the CLI ended (exit ${String(code)}) before its temporary file was seen`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

test.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)(
  "%s while the copy is written: exit %i, one line, no temporary file, no copy, no JSON",
  async (signal, code) => {
    const out = path.join(DIR, `out-${signal}`);
    await fs.mkdir(out, { recursive: true });
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "bin", "cek-honorer.js"),
        "check",
        BIG,
        "--out",
        path.join(out, "salinan.xlsx"),
        "--json",
        path.join(out, "laporan.json"),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout?.resume();
    const exited = exitOf(child);
    const part = await partFileAppears(out, child);
    expect(part).toMatch(/^\.salinan\.xlsx\.\d+\.part$/);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr.trim()).toBe(`cek-honorer: ${cliMessage("interrupted", "id")}`);
    expect(await fs.readdir(out)).toEqual([]);
    // The input is read, never written.
    expect((await fs.stat(BIG)).size).toBeGreaterThan(0);
  },
);
