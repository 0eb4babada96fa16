/**
 * Tells, before ExcelJS is given a file, whether it can be an .xlsx at all, so that
 * each kind of bad file gets its own one-line reason instead of a library stack trace:
 * a password-protected workbook is an OLE compound file holding an "EncryptedPackage"
 * stream, an old .xls is an OLE file without one, an .xlsx is a zip whose central
 * directory names xl/workbook.xml, and a truncated zip has no end-of-directory record.
 */
import { promises as fs } from "fs";
import type { CliMessageKey } from "./messages";
import { readAt, readZipDirectory, type ZipProblem } from "./zip-directory";

export type SniffResult =
  | { readonly ok: true; readonly size: number }
  /** `detail`: a message key naming what exactly is wrong. */
  | { readonly ok: false; readonly reason: CliMessageKey; readonly detail?: CliMessageKey };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The OLE directory entry name of an encrypted OOXML package, as stored (UTF-16LE). */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

export async function sniffWorkbookFile(path: string): Promise<SniffResult> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "fileMissing" };
    return {
      ok: false,
      reason: "fileUnreadable",
      detail: code === "EACCES" || code === "EPERM" ? "noPermission" : "ioError",
    };
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { ok: false, reason: "fileEmpty" };
    const head = await readAt(handle, 0, Math.min(8, size));
    if (head.length === 8 && head.equals(OLE_MAGIC)) {
      return (await containsBytes(handle, size, ENCRYPTED_STREAM))
        ? { ok: false, reason: "fileEncrypted" }
        : { ok: false, reason: "fileOldXls" };
    }
    if (head.subarray(0, 4).equals(ZIP_EMPTY)) return { ok: false, reason: "fileNotWorkbook" };
    if (!head.subarray(0, 4).equals(ZIP_LOCAL)) return { ok: false, reason: "fileNotXlsx" };
    return await checkZipDirectory(handle, size);
  } finally {
    await handle.close();
  }
}

/** Scans the file in chunks (overlapping by the needle's length) for a byte sequence. */
async function containsBytes(handle: fs.FileHandle, size: number, needle: Buffer): Promise<boolean> {
  const chunk = 1 << 20;
  for (let position = 0; position < size; position += chunk - needle.length) {
    const data = await readAt(handle, position, Math.min(chunk, size - position));
    if (data.includes(needle)) return true;
    if (position + data.length >= size) break;
  }
  return false;
}

const ZIP_PROBLEMS: Record<Exclude<ZipProblem, "zip64">, CliMessageKey> = {
  "no-end-record": "zipNoEndRecord",
  "directory-out-of-bounds": "zipDirectoryOutside",
  "directory-damaged": "zipDirectoryDamaged",
};

async function checkZipDirectory(handle: fs.FileHandle, size: number): Promise<SniffResult> {
  const directory = await readZipDirectory(handle, size);
  // Zip64 archives keep the real values elsewhere; ExcelJS gets to judge those itself.
  if (directory === "zip64") return { ok: true, size };
  if (typeof directory === "string") return { ok: false, reason: "fileCorrupt", detail: ZIP_PROBLEMS[directory] };
  const names = new Set(directory.entries.map((e) => e.name));
  if (names.has("xl/workbook.xml")) return { ok: true, size };
  if (names.has("xl/workbook.bin")) return { ok: false, reason: "fileBinaryWorkbook" };
  return { ok: false, reason: "fileNotWorkbook" };
}
