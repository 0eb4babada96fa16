/**
 * Reads the central directory of a zip file (an .xlsx is one): the list of entries with
 * where each one starts. Used to tell a corrupt or non-workbook zip before ExcelJS sees
 * it, and to feed the streaming reader the entries in an order it can handle.
 */
import { promises as fs } from "fs";

export interface ZipEntry {
  readonly name: string;
  /** Offset of the entry's local header in the file. */
  readonly localOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts; the entries' data lies before it. */
  readonly directoryOffset: number;
  readonly size: number;
}

export type ZipProblem = "no-end-record" | "directory-out-of-bounds" | "directory-damaged" | "zip64";

const EOCD_SIGNATURE = 0x06054b50;
const CD_SIGNATURE = 0x02014b50;

export async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function readZipDirectory(handle: fs.FileHandle, size: number): Promise<ZipDirectory | ZipProblem> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return "no-end-record";
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // Zip64 keeps the real values in another record; not needed for workbooks under 4 GB.
  if (directorySize === 0xffffffff || directoryOffset === 0xffffffff || count === 0xffff) return "zip64";
  if (directoryOffset + directorySize > size) return "directory-out-of-bounds";
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CD_SIGNATURE) return "directory-damaged";
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localOffset = directory.readUInt32LE(at + 42);
    if (localOffset >= directoryOffset) return "directory-damaged";
    entries.push({ name: directory.toString("utf8", at + 46, at + 46 + nameLength), localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset, size };
}
