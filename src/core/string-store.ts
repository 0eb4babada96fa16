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
/**
 * The arena is kept in blocks of this many bytes (the first grows up to it), so it never holds
 * a doubled array's unused half nor, while growing, two copies: a full-height sheet's names
 * are about 20 MB, which a doubled array held in 32 MB and copied at 16 (issue 8, memory).
 */
const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/** A position's offset in its block. */
export const blockOffset = (at: number): number => at & (BLOCK - 1);

export class StringStore {
  private readonly blocks: Uint8Array[] = [new Uint8Array(1 << 12)];
  /** Bytes used in each block before the last (a text never crosses from one block to the next). */
  private readonly fills: number[] = [];
  /** Bytes used in the last block, always below BLOCK. */
  private used = 0;
  /** Per id: where its bytes start, block * BLOCK + offset (NULL_BIT set for null). The next id's start (or the block's fill) ends it. */
  private starts: Uint32Array = new Uint32Array(1 << 10);
  private count = 0;
  /** Ids whose text has a character above U+00FF, or is longer than a block. */
  private readonly wide = new Map<number, string>();

  get size(): number {
    return this.count;
  }

  /** Bytes held, for benchmarks. */
  get byteSize(): number {
    return this.blocks.reduce((n, b) => n + b.byteLength, this.starts.byteLength);
  }

  /** Where the next text starts. */
  private position(): number {
    return (this.blocks.length - 1) * BLOCK + this.used;
  }

  /** Adds a string; returns its id (0, 1, 2, ... in the order added). */
  add(text: string | null): number {
    const id = this.count;
    if (id + 1 >= this.starts.length) this.starts = grow32(this.starts, id + 2);
    this.count++;
    if (text === null) {
      this.starts[id] = (this.position() | NULL_BIT) >>> 0;
      return id;
    }
    if (text.length >= BLOCK) {
      this.starts[id] = this.position();
      this.wide.set(id, text);
      return id;
    }
    this.makeRoom(text.length);
    this.starts[id] = this.position();
    const bytes = this.blocks[this.blocks.length - 1] as Uint8Array;
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

  /** Room for `length` more bytes in the last block, keeping `used` below BLOCK. */
  private makeRoom(length: number): void {
    const last = this.blocks.length - 1;
    const block = this.blocks[last] as Uint8Array;
    const need = this.used + length;
    if (need < block.length) return;
    if (need < BLOCK) {
      // The first block grows by doubling up to a whole block (a small store stays small).
      this.blocks[last] = grow8(block, Math.min(BLOCK, Math.max(need + 1, block.length * 2)));
      return;
    }
    this.fills.push(this.used);
    this.blocks.push(new Uint8Array(BLOCK));
    this.used = 0;
  }

  /**
   * Where text `id`'s bytes lie, to read them in place without making a string: block * 2^20 +
   * offset (see bytesAt), or -1 when it has none in the arena (null, or text kept as a string).
   * Its bytes run to byteEnd(id), in the same block.
   */
  byteStart(id: number): number {
    if (id < 0 || id >= this.count) return -1;
    const start = this.starts[id] as number;
    if (start >= NULL_BIT || (this.wide.size > 0 && this.wide.has(id))) return -1;
    return start;
  }

  /** The end of text `id`'s bytes (see byteStart; only for an id that has some). */
  byteEnd(id: number): number {
    const start = this.starts[id] as number;
    const block = start >>> BLOCK_BITS;
    const next = id + 1 < this.count ? ((this.starts[id + 1] as number) & OFFSET_BITS) >>> 0 : this.position();
    return next >>> BLOCK_BITS === block ? next : block * BLOCK + (this.fills[block] ?? this.used);
  }

  /** The block holding position `at` (byteStart), and `at`'s offset in it. */
  bytesAt(at: number): Uint8Array {
    return this.blocks[at >>> BLOCK_BITS] as Uint8Array;
  }

  get(id: number): string | null {
    if (id < 0 || id >= this.count) return null;
    const start = this.starts[id] as number;
    if (start >= NULL_BIT) return null;
    if (this.wide.size > 0) {
      const wide = this.wide.get(id);
      if (wide !== undefined) return wide;
    }
    const block = start >>> BLOCK_BITS;
    const next = id + 1 < this.count ? ((this.starts[id + 1] as number) & OFFSET_BITS) >>> 0 : this.position();
    const end = next >>> BLOCK_BITS === block ? next - block * BLOCK : (this.fills[block] ?? this.used);
    return latin1(this.blocks[block] as Uint8Array, start - block * BLOCK, end);
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
