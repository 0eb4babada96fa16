/**
 * Finding and reading the files of a rekap. Folders are walked with their subfolders and
 * every file found is accounted for: read, or skipped with a reason (lock file, old .xls,
 * .ods, password, damaged...). readForRekap is the one place a workbook is read, so the
 * reader behind it can change without touching the rest.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckSession } from "../core/engine";
import { REKAP_SHEET_NAMES, type SkipReason } from "../core/rekap/labels";
import { titleTexts } from "../core/rekap/opd";
import type { WorkbookResult } from "../core/results";
import type { Lang } from "../core/vocabulary";
import { checkPackage } from "../package/check";
import { isPackageError } from "../package/errors";
import { type WorkbookPackage, isOwnOutput, openPackage } from "../package/workbook";
import { type CliMessageKey, cliMessage } from "./messages";
import { NODE_CODEC } from "./node-codec";
import { readFailure } from "./read-failure";

export interface FoundFile {
  /** Absolute path on disk. */
  readonly absolute: string;
  /** As shown in the rekap: relative to the folder named on the command line, with "/". */
  readonly shown: string;
}

/** Files the system puts in folders on its own: not the analyst's, not listed. */
const SYSTEM_FILES = /^(\..*|thumbs\.db|desktop\.ini|icon\r)$/i;

export interface FoundInputs {
  readonly files: readonly FoundFile[];
  /** Arguments that named nothing (a missing path, an empty folder). */
  readonly missing: readonly string[];
  readonly empty: readonly string[];
  /** Output paths that were also found among the inputs (resolved): left out of the rekap, and checked before they are written. */
  readonly outputsFound: ReadonlySet<string>;
}

const slashes = (p: string): string => p.split(path.sep).join("/");

async function walk(folder: string, into: string[]): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SYSTEM_FILES.test(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (entry.isFile()) into.push(full);
  }
}

/** Every file under the arguments, each once, minus the rekap's own output paths. */
export async function findFiles(args: readonly string[], outputs: readonly string[]): Promise<FoundInputs> {
  const excluded = new Set(outputs.map((o) => path.resolve(o)));
  const files: FoundFile[] = [];
  const seen = new Set<string>();
  const shownTaken = new Set<string>();
  const missing: string[] = [];
  const empty: string[] = [];
  const outputsFound = new Set<string>();
  const add = (absolute: string, shown: string): void => {
    if (excluded.has(absolute)) outputsFound.add(absolute);
    if (seen.has(absolute) || excluded.has(absolute)) return;
    seen.add(absolute);
    // Two folders may hold files of the same relative name: the folder then tells them apart.
    const unique = shownTaken.has(shown) ? slashes(path.relative(process.cwd(), absolute)) : shown;
    shownTaken.add(unique);
    files.push({ absolute, shown: unique });
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      const inside: string[] = [];
      await walk(arg, inside);
      const before = files.length;
      for (const f of inside) add(path.resolve(f), slashes(path.relative(arg, f)));
      if (files.length === before) empty.push(arg);
    } else add(path.resolve(arg), slashes(path.normalize(arg)));
  }
  return { files, missing, empty, outputsFound };
}

export type Classified =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail?: string };

/** What the file name alone tells: files the rekap does not open at all. */
export function classifyByName(file: FoundFile): Classified {
  const name = path.basename(file.absolute);
  if (name.startsWith("~$")) return { ok: false, reason: "lock-file" };
  const ext = path.extname(name).toLowerCase();
  if (ext === ".ods" || ext === ".fods") return { ok: false, reason: "ods" };
  if (ext === ".xlsb") return { ok: false, reason: "xlsb" };
  // .xls is opened: the reader tells an old binary workbook from an .xlsx saved under that name.
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".xls") return { ok: false, reason: "not-workbook" };
  return { ok: true };
}

/** The package reader's (and the file system's) reason, as the rekap's skip reason. */
const SKIP_OF: Partial<Record<CliMessageKey, SkipReason>> = {
  fileEmpty: "empty",
  fileEncrypted: "password",
  fileOldXls: "old-xls",
  fileNotXlsx: "not-workbook",
  fileNotWorkbook: "not-workbook",
  fileBinaryWorkbook: "xlsb",
  fileCorrupt: "damaged",
  fileUnreadable: "unreadable",
  fileMissing: "unreadable",
};

function skipped(error: unknown, lang: Lang): Extract<Classified, { ok: false }> {
  const [key, detail] = readFailure(error);
  const text = detail !== null ? cliMessage(detail.key, lang, detail.params) : undefined;
  return { ok: false, reason: SKIP_OF[key] ?? "damaged", ...(text !== undefined ? { detail: text } : {}) };
}

export type ReadForRekap =
  | { readonly ok: true; readonly result: WorkbookResult; readonly titles: readonly string[] }
  | Extract<Classified, { ok: false }>;

/** A workbook this tool wrote: an annotated copy (report and summary sheets) or a rekap. */
export function isToolOutput(pkg: WorkbookPackage): boolean {
  return isOwnOutput(pkg) || pkg.sheets.some((s) => REKAP_SHEET_NAMES.has(s.name));
}

/**
 * Reads one workbook with the package reader and checks it in `session` (its own: duplicates
 * across files are the rekap's to find). Every reason it cannot be read comes back coded.
 */
export async function readForRekap(file: FoundFile, session: CheckSession, lang: Lang): Promise<ReadForRekap> {
  const byName = classifyByName(file);
  if (!byName.ok) return byName;
  let pkg: WorkbookPackage;
  try {
    pkg = openPackage(await fs.readFile(file.absolute), NODE_CODEC);
  } catch (error) {
    return skipped(error, lang);
  }
  if (isToolOutput(pkg)) return { ok: false, reason: "own-output" };
  try {
    const checked = checkPackage(pkg, session, undefined);
    const heads = [...checked.facts.values()].map((f) => f.head);
    return { ok: true, result: checked.result, titles: titleTexts(heads, checked.result) };
  } catch (error) {
    // A sheet part that breaks while it is read: the file is damaged, said as such.
    if (isPackageError(error)) return skipped(error, lang);
    throw error;
  }
}
