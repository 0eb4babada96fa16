/**
 * An input workbook read piece by piece from its file (issue 8, memory): the package layer
 * asks for the directory, each part's compressed bytes a step at a time and the small parts
 * whole, so a full-height workbook's 80 MB are not held for the whole check and copy. Reads
 * are synchronous, as the check that asks for them is.
 */
import { closeSync, fstatSync, openSync, readSync } from "fs";
import type { ByteSource } from "../package/zip";
import { type WorkbookPackage, openPackage } from "../package/workbook";
import { NODE_CODEC } from "./node-codec";

export interface FileSource extends ByteSource {
  close(): void;
}

export function openFileSource(file: string): FileSource {
  const fd = openSync(file, "r");
  let length: number;
  try {
    const stat = fstatSync(fd);
    // A folder opens on Linux; reading it is what fails: the same error as reading it whole.
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: "EISDIR" });
    length = stat.size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    length,
    read(start, end) {
      const want = Math.max(0, Math.min(end, length) - start);
      const buffer = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const n = readSync(fd, buffer, got, want - got, start + got);
        if (n === 0) break; // the file shrank while read: the package layer sees a damaged part
        got += n;
      }
      return got === want ? buffer : buffer.subarray(0, got);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/**
 * Whether the workbook `file` passes `test`, its file read piece by piece (an earlier
 * full-height copy is 180 MB: read whole, only to see whose it is, it was most of a run's
 * memory); false when it cannot be read as a workbook.
 */
export function workbookFileIs(file: string, test: (pkg: WorkbookPackage) => boolean): boolean {
  let source: FileSource | undefined;
  try {
    source = openFileSource(file);
    return test(openPackage(source, NODE_CODEC));
  } catch {
    return false;
  } finally {
    source?.close();
  }
}
