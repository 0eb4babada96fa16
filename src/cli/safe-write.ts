/**
 * Outputs written so that a failed or interrupted run leaves nothing behind: a regular
 * file is written beside its target under a temporary name and renamed only when
 * complete; devices, FIFOs and symbolic links are refused (they could be a terminal, a
 * pipe read by another program, or a path somewhere else); a file that is not an earlier
 * copy of this tool is not replaced without --force.
 */
import { promises as fs, unlinkSync } from "fs";
import * as path from "path";

/** Where bytes go; the file system in production, an injected one in tests (a full disk). */
export interface OutputFile {
  write(chunk: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
}

export type OpenOutput = (file: string) => Promise<OutputFile>;

export const openRealOutput: OpenOutput = async (file) => {
  // "wx": never follows or reuses an existing path; 0o600: the copy holds personal data.
  const handle = await fs.open(file, "wx", 0o600);
  return {
    write: async (chunk) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
        at += bytesWritten;
      }
    },
    close: () => handle.close(),
  };
};

/** Temporary files being written, removed on SIGINT/SIGTERM (see main.ts). */
export const temporaries = new Set<string>();

export function removeTemporariesNow(): void {
  for (const file of temporaries) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  temporaries.clear();
}

export type TargetProblem = "notRegular" | "exists" | null;

/** Why `target` must not be written, or null. `isOurCopy` tells an earlier copy of this tool. */
export async function targetProblem(
  target: string,
  force: boolean,
  isOurCopy: (file: string) => Promise<boolean>,
): Promise<TargetProblem> {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch {
    return null;
  }
  if (!stat.isFile()) return "notRegular";
  if (force) return null;
  return (await isOurCopy(target)) ? null : "exists";
}

/** Writes `target` through a temporary file beside it; on any failure the temporary is removed and the error rethrown. */
export async function writeSafely<T>(
  target: string,
  open: OpenOutput,
  produce: (out: OutputFile) => Promise<T>,
): Promise<T> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
  temporaries.add(temporary);
  let out: OutputFile | null = null;
  try {
    out = await open(temporary);
    const value = await produce(out);
    const closing = out;
    out = null;
    await closing.close();
    await fs.rename(temporary, target);
    temporaries.delete(temporary);
    return value;
  } catch (error) {
    if (out !== null) await out.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    temporaries.delete(temporary);
    throw error;
  }
}
