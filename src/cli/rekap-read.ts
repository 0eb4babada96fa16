/**
 * Finding and reading the files of a rekap. Folders are walked with their subfolders and
 * every file found is accounted for: read, or skipped with a reason (lock file, old .xls,
 * .ods, password, damaged...). readForRekap is the one place a workbook is read, so the
 * reader behind it can change without touching the rest.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { SheetGrid } from "../core/cells";
import type { SkipReason } from "../core/rekap/labels";
import { type CliMessageKey, cliMessage } from "./messages";
import { readWorkbookFile, worksheetToGrid } from "./read-workbook";
import { sniffWorkbookFile } from "./sniff-file";
import type { Lang } from "../core/vocabulary";

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
  const add = (absolute: string, shown: string): void => {
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
  return { files, missing, empty };
}

export type Classified =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail?: string };

const SNIFF_REASONS: Partial<Record<CliMessageKey, SkipReason>> = {
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

/** Whether a file can be read as a workbook, from its name and its first bytes. */
export async function classify(file: FoundFile, lang: Lang): Promise<Classified> {
  const name = path.basename(file.absolute);
  if (name.startsWith("~$")) return { ok: false, reason: "lock-file" };
  const ext = path.extname(name).toLowerCase();
  if (ext === ".ods" || ext === ".fods") return { ok: false, reason: "ods" };
  if (ext === ".xlsb") return { ok: false, reason: "xlsb" };
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".xls") return { ok: false, reason: "not-workbook" };
  const sniff = await sniffWorkbookFile(file.absolute);
  if (sniff.ok) return { ok: true };
  const detail = sniff.detail !== undefined ? cliMessage(sniff.detail, lang) : undefined;
  return {
    ok: false,
    reason: SNIFF_REASONS[sniff.reason] ?? "damaged",
    ...(detail !== undefined ? { detail } : {}),
  };
}

export interface ReadForRekap {
  readonly sheetNames: readonly string[];
  /** Every worksheet as a grid, in workbook order. */
  readonly grids: readonly SheetGrid[];
}

/** Reads one workbook for the rekap. (The CLI's ExcelJS reader today; the package reader when it lands.) */
export async function readForRekap(file: string): Promise<ReadForRekap> {
  const workbook = await readWorkbookFile(file);
  return {
    sheetNames: workbook.worksheets.map((ws) => ws.name),
    grids: workbook.worksheets.map((ws) => worksheetToGrid(ws)),
  };
}
