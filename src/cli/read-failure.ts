/**
 * Why a file could not be read, as the command line's message keys: the package reader's
 * codes and the file system's errors. Shared by check and rekap so both name a failure alike.
 */
import { type PackageError, isPackageError } from "../package/errors";
import type { CliMessageKey } from "./messages";

const DAMAGE_KEYS: Record<string, CliMessageKey> = {
  "no-end-record": "zipNoEndRecord",
  "directory-outside": "zipDirectoryOutside",
  "directory-damaged": "zipDirectoryDamaged",
  "entry-damaged": "zipEntryDamaged",
  "entry-encrypted": "zipEntryEncrypted",
  "unsupported-compression": "zipUnsupported",
  "xml-damaged": "xmlDamaged",
};

const PACKAGE_KEYS: Record<PackageError["code"], CliMessageKey> = {
  encrypted: "fileEncrypted",
  "old-xls": "fileOldXls",
  empty: "fileEmpty",
  "not-zip": "fileNotXlsx",
  "not-workbook": "fileNotWorkbook",
  "binary-workbook": "fileBinaryWorkbook",
  damaged: "fileCorrupt",
  "missing-part": "fileCorrupt",
};

/** The message for a file that could not be read, and its detail. */
export function readFailure(
  error: unknown,
): [CliMessageKey, { key: CliMessageKey; params: Record<string, string> } | null] {
  if (isPackageError(error)) {
    const key = PACKAGE_KEYS[error.code];
    if (error.code === "missing-part") return [key, { key: "partMissing", params: { value: error.detail ?? "" } }];
    const detail = error.detail !== undefined ? DAMAGE_KEYS[error.detail] : undefined;
    return [key, detail !== undefined ? { key: detail, params: {} } : null];
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return ["fileMissing", null];
  if (code === "EACCES" || code === "EPERM") return ["fileUnreadable", { key: "noPermission", params: {} }];
  if (code === "EISDIR" || code === "EIO") return ["fileUnreadable", { key: "ioError", params: {} }];
  return ["fileCorrupt", null];
}

/** An error's message reduced to one short line (library messages can span lines). */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "?";
  return line.trim().slice(0, 160);
}
