/**
 * Compact maps for what the engine keeps across rows, so a 1,048,575-row sheet does not
 * cost a string key, a map entry and an object per row: identifier digits (a NIK, a NIP)
 * packed into numbers in typed arrays, and growable columns of small numbers.
 */

/** Up to 18 digits: the leading ones and the last 9 as two exact numbers. */
const MAX_DIGITS = 18;
const LOW_DIGITS = 9;
/** A slot never used: packHigh is at least 1, and a new typed array holds zeros. */
const EMPTY = 0;

/** Packs "0123" apart from "123": the length rides along with the leading digits. */
function packHigh(leading: number, length: number): number {
  return leading * 32 + length;
}

/**
 * Identifier text -> a whole number >= 0. Keys of 1 to 18 digits are held as two numbers in
 * an open-addressing table (about 32 bytes a key); anything else (never a valid NIK or NIP,
 * but the map takes any text) goes to a plain Map.
 */
export class DigitKeyMap {
  private highs = new Float64Array(0);
  private lows = new Int32Array(0);
  private values = new Int32Array(0);
  private used = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  get(key: string): number | undefined {
    const high = this.split(key);
    if (high < 0) return this.others.get(key);
    const slot = this.find(high, splitLow);
    return this.highs[slot] === high ? this.values[slot] : undefined;
  }

  set(key: string, value: number): void {
    const high = this.split(key);
    if (high < 0) {
      this.others.set(key, value);
      return;
    }
    const low = splitLow;
    if ((this.used + 1) * 2 > this.highs.length) this.grow();
    const slot = this.find(high, low);
    if (this.highs[slot] !== high) {
      this.highs[slot] = high;
      this.lows[slot] = low;
      this.used += 1;
    }
    this.values[slot] = value;
  }

  /** The packed leading digits of a key (the last 9 left in splitLow), or -1 when it is not 1-18 digits. */
  private split(key: string): number {
    const length = key.length;
    if (length === 0 || length > MAX_DIGITS) return -1;
    const lowFrom = Math.max(0, length - LOW_DIGITS);
    let leading = 0;
    let low = 0;
    for (let i = 0; i < length; i++) {
      const digit = key.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return -1;
      if (i < lowFrom) leading = leading * 10 + digit;
      else low = low * 10 + digit;
    }
    splitLow = low;
    return packHigh(leading, length);
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private find(high: number, low: number): number {
    const mask = this.highs.length - 1;
    if (mask < 0) return 0;
    let slot = mix(low ^ mix((high >>> 0) ^ ((high / 4294967296) | 0))) & mask;
    for (;;) {
      const at = this.highs[slot];
      if (at === EMPTY || (at === high && this.lows[slot] === low)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { highs, lows, values } = this;
    const capacity = Math.max(64, highs.length * 2);
    this.highs = new Float64Array(capacity);
    this.lows = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    for (let i = 0; i < highs.length; i++) {
      const high = highs[i] ?? EMPTY;
      if (high === EMPTY) continue;
      const slot = this.find(high, lows[i] ?? 0);
      this.highs[slot] = high;
      this.lows[slot] = lows[i] ?? 0;
      this.values[slot] = values[i] ?? 0;
    }
  }
}

/** 32-bit multiply (Math.imul, which the oldest webviews the add-in serves lack). */
function mul32(a: number, b: number): number {
  const aHigh = (a >>> 16) & 0xffff;
  const aLow = a & 0xffff;
  const bHigh = (b >>> 16) & 0xffff;
  const bLow = b & 0xffff;
  return (aLow * bLow + (((aHigh * bLow + aLow * bHigh) << 16) >>> 0)) | 0;
}

/** MurmurHash3's finalizer: every input bit moves about half the output bits, so slots spread evenly. */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = mul32(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = mul32(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The low 9 digits of the key split last (a second return value without an object per call). */
let splitLow = 0;

type NumberArray = Float64Array | Int32Array | Uint8Array;

/**
 * A growable column of numbers, for one field of many records: doubles by default; a field of
 * small whole numbers (a row, a sheet's index, a kind) takes a narrower array, 4 or 1 bytes a
 * record instead of 8 (a full-height sheet keeps a million records).
 */
export class NumberColumn {
  private data: NumberArray;
  length = 0;

  constructor(private readonly make: (length: number) => NumberArray = (n) => new Float64Array(n)) {
    this.data = make(16);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  at(index: number): number {
    return this.data[index] ?? Number.NaN;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}
