/**
 * Finding and reading the files of a rekap. Folders are walked with their subfolders and
 * every file found is accounted for: read, or skipped with a reason (lock file, old .xls,
 * .ods, password, damaged...). readForRekap reads a file's bytes from disk and hands them to
 * the package layer's readRekapFile, which the task pane runs too.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Policy } from "../core/policy";
import type { FileOutcome } from "../core/rekap/build";
import type { SkipReason } from "../core/rekap/labels";
import type { Lang } from "../core/vocabulary";
import { isPackageError } from "../package/errors";
import { isSystemFile, readRekapFile } from "../package/rekap-file";
import { type CliMessageKey, cliMessage } from "./messages";
import { NODE_CODEC } from "./node-codec";
import { oneLine, readFailure } from "./read-failure";

export interface FoundFile {
  /** Absolute path on disk. */
  readonly absolute: string;
  /** As shown in the rekap: relative to the folder named on the command line, with "/". */
  readonly shown: string;
}

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
    if (isSystemFile(entry.name)) continue;
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

/** A failure in the command line's words: the reason, and what exactly is wrong ("the zip directory is damaged"). */
function describe(error: unknown, lang: Lang): { reason: SkipReason; detail?: string } {
  if (!isPackageError(error) && (error as NodeJS.ErrnoException | null)?.code === undefined)
    // Not a reason the reader knows: still accounted for, as damaged, with the error's one line.
    return { reason: "damaged", detail: oneLine(error) };
  const [key, detail] = readFailure(error);
  const text = detail !== null ? cliMessage(detail.key, lang, detail.params) : undefined;
  return { reason: SKIP_OF[key] ?? "damaged", ...(text !== undefined ? { detail: text } : {}) };
}

/**
 * Reads one file from disk and checks it on its own session, through the package layer's
 * readRekapFile (the same code the task pane runs): every reason it cannot be read comes back coded.
 */
export function readForRekap(file: FoundFile, policy: Policy, lang: Lang): Promise<FileOutcome> {
  return readRekapFile(file.absolute, () => fs.readFile(file.absolute), policy, {
    codec: NODE_CODEC,
    describe: (error) => describe(error, lang),
  });
}
