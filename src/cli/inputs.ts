/**
 * Which files to check and where each one's outputs go. Folders are read one level deep
 * (the .xlsx files an agency collects in one place); Excel's "~$" lock files are skipped.
 * No output path may ever be an input path.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CliMessageKey } from "./messages";

export interface InputProblem {
  readonly path: string;
  readonly reason: CliMessageKey;
  readonly detail?: string;
}

export interface Inputs {
  /** Files to check, in the order given (folders expanded in name order). */
  readonly files: readonly string[];
  /** Arguments that named nothing usable. */
  readonly problems: readonly InputProblem[];
  /** True when a folder was given or several files: reports then carry file names. */
  readonly several: boolean;
}

const isXlsxName = (name: string): boolean =>
  /\.xls[xm]$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

export async function expandInputs(args: readonly string[], exclude: ReadonlySet<string> = new Set()): Promise<Inputs> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  let sawFolder = false;
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      problems.push({ path: arg, reason: "fileMissing" });
      continue;
    }
    if (stat.isDirectory()) {
      sawFolder = true;
      const names = (await fs.readdir(arg)).filter(isXlsxName).sort((a, b) => a.localeCompare(b));
      const inside = names.map((n) => path.join(arg, n)).filter((f) => !exclude.has(path.resolve(f)));
      if (inside.length === 0) problems.push({ path: arg, reason: "folderEmpty" });
      files.push(...inside);
    } else files.push(arg);
  }
  // The same file named twice is checked once (its NIKs would otherwise all be "duplicates").
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems, several: sawFolder || unique.length + problems.length > 1 };
}

/** Identity of a file on disk (device + inode), to catch the same file under two names. */
async function fileIdentity(p: string): Promise<string | null> {
  try {
    const s = await fs.stat(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** True when writing `target` would overwrite one of `inputs` (same path, or a link to it). */
export async function isAnInput(target: string, inputs: readonly string[]): Promise<boolean> {
  const resolved = path.resolve(target);
  if (inputs.some((i) => path.resolve(i) === resolved)) return true;
  const id = await fileIdentity(resolved);
  if (id === null) return false;
  for (const input of inputs) if ((await fileIdentity(input)) === id) return true;
  return false;
}

/** "<name>-cek.xlsx" in `dir` for each input, made unique when two inputs share a name. */
export function annotatedNames(files: readonly string[], dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set(files.map((f) => path.resolve(f)));
  for (const file of files) {
    // A macro workbook stays one: Excel refuses an .xlsx whose workbook part has the macro type.
    const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
    const stem = path.basename(file).replace(/\.xls[xm]$/i, "");
    let candidate = path.resolve(dir, `${stem}-cek${ext}`);
    for (let n = 2; taken.has(candidate); n++) candidate = path.resolve(dir, `${stem}-cek-${n}${ext}`);
    taken.add(candidate);
    out.set(file, candidate);
  }
  return out;
}
