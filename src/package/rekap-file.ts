/**
 * One file of a rekap, from its name and bytes to its outcome: checked (the engine's result
 * and the title rows that name the OPD) or skipped with a coded reason. Platform-neutral
 * (bytes in, outcome out): the command line gives bytes read from disk, the task pane bytes
 * from a File the analyst picked; both get the same answer for the same file.
 */
import { CheckSession } from "../core/engine";
import type { Policy } from "../core/policy";
import type { FileOutcome } from "../core/rekap/build";
import { REKAP_SHEET_NAMES, type SkipReason } from "../core/rekap/labels";
import { titleTexts } from "../core/rekap/opd";
import { checkPackage } from "./check";
import { type PackageError, isPackageError } from "./errors";
import { type WorkbookPackage, isOwnOutput, openPackage } from "./workbook";
import type { Codec } from "./zip";

/** Files the system puts in folders on its own: not the analyst's, not listed. */
const SYSTEM_FILES = /^(\..*|thumbs\.db|desktop\.ini|icon\r)$/i;

export const isSystemFile = (fileName: string): boolean => SYSTEM_FILES.test(fileName.split(/[\\/]/).pop() ?? fileName);

/** What the file name alone tells: files the rekap does not open at all (null: open it). */
export function skipByName(fileName: string): SkipReason | null {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (name.startsWith("~$")) return "lock-file";
  const dot = name.lastIndexOf(".");
  const ext = dot < 0 ? "" : name.slice(dot).toLowerCase();
  if (ext === ".ods" || ext === ".fods") return "ods";
  if (ext === ".xlsb") return "xlsb";
  // .xls is opened: the reader tells an old binary workbook from an .xlsx saved under that name.
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".xls") return "not-workbook";
  return null;
}

const REASON_OF: Record<PackageError["code"], SkipReason> = {
  encrypted: "password",
  "old-xls": "old-xls",
  empty: "empty",
  "not-zip": "not-workbook",
  "not-workbook": "not-workbook",
  "binary-workbook": "xlsb",
  damaged: "damaged",
  "missing-part": "damaged",
};

/** The package reader's reason, as the rekap's skip reason. */
export const skipReasonOf = (error: PackageError): SkipReason => REASON_OF[error.code];

/** A workbook this tool wrote: an annotated copy (report and summary sheets) or a rekap. */
export function isToolOutput(pkg: WorkbookPackage): boolean {
  return isOwnOutput(pkg) || pkg.sheets.some((s) => REKAP_SHEET_NAMES.has(s.name));
}

export interface RekapReadOptions {
  /** The inflater (Node's zlib on the command line; fflate, the default, in the pane). */
  readonly codec?: Codec;
  /**
   * The caller's words for a failure: the reason (when it knows better, such as a file
   * system error) and one line of detail. Without it a package error gives its own reason
   * and no detail, and anything else is "damaged" (or "unreadable" while loading).
   */
  readonly describe?: (error: unknown, stage: "load" | "read") => { reason?: SkipReason; detail?: string };
}

function skipped(error: unknown, stage: "load" | "read", options: RekapReadOptions): FileOutcome {
  const said = options.describe?.(error, stage) ?? {};
  const fallback: SkipReason = isPackageError(error)
    ? skipReasonOf(error)
    : stage === "load"
      ? "unreadable"
      : "damaged";
  const reason = said.reason ?? fallback;
  return said.detail !== undefined && said.detail !== ""
    ? { kind: "skipped", reason, detail: said.detail }
    : { kind: "skipped", reason };
}

/**
 * Reads and checks one file of a rekap on its own session (duplicates across files are the
 * rekap's to find, told to every file). `load` gives the bytes; it is called only for a name
 * the rekap opens, and the bytes are not kept: only the outcome leaves. Never throws.
 */
export async function readRekapFile(
  fileName: string,
  load: () => Promise<Uint8Array>,
  policy: Policy,
  options: RekapReadOptions = {},
): Promise<FileOutcome> {
  const byName = skipByName(fileName);
  if (byName !== null) return { kind: "skipped", reason: byName };
  let bytes: Uint8Array;
  try {
    bytes = await load();
  } catch (error) {
    return skipped(error, "load", options);
  }
  try {
    const pkg = openPackage(bytes, options.codec);
    if (isToolOutput(pkg)) return { kind: "skipped", reason: "own-output" };
    const checked = checkPackage(pkg, new CheckSession(policy), undefined);
    const heads = [...checked.facts.values()].map((f) => f.head);
    return { kind: "checked", result: checked.result, titles: titleTexts(heads, checked.result) };
  } catch (error) {
    // A zip or a sheet part that breaks while it is read: the file is damaged (or locked, old...), said as such.
    return skipped(error, "read", options);
  }
}
