/**
 * Many short strings kept compactly: a full-height sheet's names are a million small string
 * objects otherwise (about 40 bytes each on V8, and a slice of a sheet's XML can keep the
 * whole XML alive). Text whose characters all fit in one byte (Latin-1: Indonesian names,
 * digits) goes into one byte arena; the rare text with wider characters is kept as a string.
 * Exact: every string comes back as it was given, null included.
 */

/** The top bit of a start marks null (the arena stays under 2 GB: a sheet's names are far less). */
const NULL_BIT = 0x80000000;
const OFFSET_BITS = 0x7fffffff;

export class StringStore {
  private bytes: Uint8Array = new Uint8Array(1 << 12);
  private used = 0;
  /** Per id: where its bytes start (NULL_BIT set for null). The next id's start (or `used`) ends it. */
  private starts: Uint32Array = new Uint32Array(1 << 10);
  private count = 0;
  /** Ids whose text has a character above U+00FF. */
  private readonly wide = new Map<number, string>();

  get size(): number {
    return this.count;
  }

  /** Bytes held, for benchmarks. */
  get byteSize(): number {
    return this.bytes.byteLength + this.starts.byteLength;
  }

  /** Adds a string; returns its id (0, 1, 2, ... in the order added). */
  add(text: string | null): number {
    const id = this.count;
    if (id + 1 >= this.starts.length) this.starts = grow32(this.starts, id + 2);
    this.count++;
    if (text === null) {
      this.starts[id] = (this.used | NULL_BIT) >>> 0;
      return id;
    }
    this.starts[id] = this.used;
    if (this.used + text.length > this.bytes.length) this.bytes = grow8(this.bytes, this.used + text.length);
    const bytes = this.bytes;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) {
        this.wide.set(id, text);
        return id; // no bytes used: the arena stays as it was before this id
      }
      bytes[at++] = c;
    }
    this.used = at;
    return id;
  }

  get(id: number): string | null {
    if (id < 0 || id >= this.count) return null;
    const start = this.starts[id] as number;
    if (start >= NULL_BIT) return null;
    if (this.wide.size > 0) {
      const wide = this.wide.get(id);
      if (wide !== undefined) return wide;
    }
    const end = id + 1 < this.count ? (this.starts[id + 1] as number) & OFFSET_BITS : this.used;
    return latin1(this.bytes, start, end);
  }
}

/** Characters from one-byte codes, in pieces (apply has an argument limit). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let out = "";
    for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i] as number);
    return out;
  }
  let out = "";
  for (let i = start; i < end; i += 4096) {
    const piece = bytes.subarray(i, Math.min(end, i + 4096));
    out += String.fromCharCode.apply(null, Array.prototype.slice.call(piece) as number[]);
  }
  return out;
}

export function grow8(a: Uint8Array, need: number): Uint8Array {
  const b = new Uint8Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export function grow32(a: Uint32Array, need: number): Uint32Array {
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
