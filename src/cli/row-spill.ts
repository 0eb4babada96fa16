/**
 * The --json report's person rows, written to a temporary file as the engine finishes them,
 * so the check keeps only rows with issues whatever the report needs (a full-height sheet:
 * 231 MB peak instead of 831 MB with every row's result kept; its 532 MB of rows wait on disk). The report is written at the end, each personnel sheet's rows copied back from
 * here in their place. The file sits beside the report (in the system's temporary folder for
 * `--json -`), readable by its owner only, and is removed when the run ends or is interrupted.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "fs";
import * as os from "os";
import * as path from "path";
import { temporaries } from "./safe-write";

/** Where one sheet's rows are in the file, and how many. */
interface Range {
  start: number;
  end: number;
  count: number;
}

/** Characters gathered before they are written. */
const WRITE_AT = 1 << 20;
/** Bytes read back at a time. */
const READ_AT = 1 << 20;

let spills = 0;

export class RowSpill {
  private readonly fd: number;
  private offset = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly ranges = new Map<string, Range>();
  /** The first write that failed (a full disk): the report then cannot be written. */
  private failure: unknown = null;
  /** The sheet whose rows are pending. */
  private current: Range | null = null;

  private constructor(
    readonly file: string,
    /** The indent of a row in the report (deeper when it holds several files). */
    private readonly indent: string,
  ) {
    temporaries.add(file);
    // "wx+": a new file (never one that is there), written then read back; 0o600: it holds names and NIKs.
    this.fd = openSync(file, "wx+", 0o600);
  }

  /** A spill beside `report` (or in the temporary folder for stdout). */
  static beside(report: string, several: boolean): RowSpill {
    const dir = report === "-" ? os.tmpdir() : path.dirname(report);
    const base = report === "-" ? "cek-honorer" : path.basename(report);
    const file = path.join(dir, `.${base}.${process.pid}.${spills++}.rows`);
    return new RowSpill(file, several ? "    " : "");
  }

  /** Adds rows of a sheet (JSON texts, in order) of the file checked as `key`. */
  add(key: string, sheet: string, rows: readonly string[]): void {
    if (rows.length === 0 || this.failure !== null) return;
    const id = `${key}\u0000${sheet}`;
    let range = this.ranges.get(id);
    if (range === undefined) {
      // What is pending belongs to the sheet before: written, so this one starts at the end.
      this.flush();
      range = { start: this.offset, end: this.offset, count: 0 };
      this.ranges.set(id, range);
      this.current = range;
    } else if (range !== this.current) throw new Error("a sheet's rows are spilled together");
    for (const json of rows) {
      // As the report writes a row: its separator, its indent, its text.
      const text = `${range.count === 0 ? "\n" : ",\n"}${this.indent}      ${json}`;
      this.pending.push(text);
      this.pendingChars += text.length;
      range.count++;
    }
    if (this.pendingChars >= WRITE_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0 || this.failure !== null) return;
    const bytes = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingChars = 0;
    try {
      let at = 0;
      while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at, this.offset + at);
      this.offset += bytes.length;
      if (this.current !== null) this.current.end = this.offset;
    } catch (error) {
      this.failure = error;
    }
  }

  /** The first write that failed (a full disk), after writing what is pending; null when none did. */
  error(): unknown {
    this.flush();
    return this.failure;
  }

  /** Rows spilled for the sheet (0 when none). */
  count(key: string, sheet: string): number {
    return this.ranges.get(`${key}\u0000${sheet}`)?.count ?? 0;
  }

  /** The sheet's rows as the report writes them, a piece at a time; throws when a write had failed. */
  async copy(key: string, sheet: string, write: (text: string) => Promise<void>): Promise<void> {
    this.flush();
    if (this.failure !== null) throw this.failure;
    const range = this.ranges.get(`${key}\u0000${sheet}`);
    if (range === undefined) return;
    const decoder = new TextDecoder("utf-8");
    const buffer = Buffer.allocUnsafe(READ_AT);
    for (let at = range.start; at < range.end; ) {
      const n = readSync(this.fd, buffer, 0, Math.min(READ_AT, range.end - at), at);
      if (n === 0) throw new Error("the report's rows ended early");
      at += n;
      // Stream mode: a character cut at a read's end is decoded with the next read.
      await write(decoder.decode(buffer.subarray(0, n), { stream: at < range.end }));
    }
  }

  /** Closes and removes the file. */
  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
    temporaries.delete(this.file);
  }
}
