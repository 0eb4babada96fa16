/**
 * A patched sheet's XML as UTF-8 in large reused buffers: strings, and bytes made once for
 * what every row repeats (copy).
 */

export const UTF8 = new TextEncoder();

/** Room for a few flushes' worth of output before a new buffer is started. */
const OUT_BUFFER = 4 << 20;

/** Small pieces are joined this many characters at a time before encoding (measured: far cheaper than larger joins or one encode per piece). */
const JOIN_AT = 64 * 1024;

/**
 * A part as UTF-8 in large buffers: small pieces are joined a few tens of
 * kilobytes at a time and encoded straight into the buffer (joining a megabyte of small
 * strings at once, or encoding each piece alone, cost several times more).
 */
export class Utf8Out {
  private buf = new Uint8Array(OUT_BUFFER);
  private at = 0;
  private ready: Uint8Array[] = [];
  private readyBytes = 0;
  /**
   * The pieces not yet encoded: the first `count` slots of one array used again, not an array
   * per encode (one a row while rows are patched; at full height V8 came to allocate them in
   * the old generation, where about 150 MB of them waited for full collections).
   */
  private readonly pieces: string[] = [];
  private count = 0;
  private chars = 0;

  get size(): number {
    return this.readyBytes + this.at + this.chars;
  }

  write(s: string): void {
    if (s === "") return;
    this.pieces[this.count++] = s;
    this.chars += s.length;
    if (this.chars >= JOIN_AT) this.encode();
  }

  /** Bytes taken as they are (copied: the caller's buffer is not held). */
  copy(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.encode();
    if (this.at + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** A non-negative integer's decimal digits (a row number), written without making its text. */
  digits(n: number): void {
    this.encode();
    if (this.at + 16 > this.buf.length) this.grow(16);
    let count = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
    const buf = this.buf;
    let at = this.at + count;
    this.at = at;
    let rest = n;
    do {
      buf[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  private grow(needed: number): void {
    if (this.at > 0) {
      this.ready.push(this.buf.subarray(0, this.at));
      this.readyBytes += this.at;
    }
    this.buf = new Uint8Array(Math.max(OUT_BUFFER, needed));
    this.at = 0;
  }

  private encode(): void {
    if (this.chars === 0) return;
    const pieces = this.pieces;
    let s = pieces[0] as string;
    for (let i = 1; i < this.count; i++) s += pieces[i] as string;
    // Let the pieces go (the slots stay).
    for (let i = 0; i < this.count; i++) pieces[i] = "";
    this.count = 0;
    this.chars = 0;
    // A UTF-16 unit takes at most three bytes.
    if (this.at + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.at += UTF8.encodeInto(s, this.at === 0 ? this.buf : this.buf.subarray(this.at)).written;
  }

  /**
   * Everything written so far, as views valid until the next write: the caller hands them on
   * (the zip writer deflates each before its push resolves) before writing more. The buffer is
   * then written again: a new one per flush was 4 MB a megabyte of output, and at full height
   * tens of them waited for the collector at any time (issue 8, memory).
   */
  take(): Uint8Array[] {
    this.encode();
    const all = this.at > 0 ? [...this.ready, this.buf.subarray(0, this.at)] : this.ready;
    this.at = 0;
    this.ready = [];
    this.readyBytes = 0;
    return all;
  }
}
