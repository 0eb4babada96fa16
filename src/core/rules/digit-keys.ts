/**
 * Compact maps for what the engine keeps across rows, so a 1,048,575-row sheet does not
 * cost a string key, a map entry and an object per row: identifier digits (a NIK, a NIP)
 * packed into numbers in typed arrays, and growable columns of small numbers.
 */

/** Up to 18 digits: the leading ones and the last 9 as two exact numbers. */
const MAX_DIGITS = 18;
const LOW_DIGITS = 9;

/** Packs "0123" apart from "123": the length rides along with the leading digits. */
function packHigh(leading: number, length: number): number {
  return leading * 32 + length;
}

/**
 * Identifier text -> its index, 0, 1, 2, ... in the order first added. Keys of 1 to 18 digits
 * are packed as two numbers kept in entry order, and the hash table holds only entry numbers
 * (4 bytes a slot): about 16 bytes a NIK instead of 32 with the key in every slot (issue 8,
 * memory at full height). Anything else (never a valid NIK or NIP, but any text is taken)
 * goes to a plain Map.
 */
export class DigitKeyIndex {
  /** Entry + 1 per slot (0: empty); at most half full. */
  private slots = new Int32Array(0);
  /** Per entry: the packed leading digits (OTHER for a key in `others`) and the last nine. */
  private readonly highs = new NumberColumn();
  private readonly lows = new NumberColumn((n) => new Int32Array(n));
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.highs.length;
  }

  /** Bytes held by the table and the packed keys (for tests and benchmarks). */
  get byteSize(): number {
    return this.slots.byteLength + this.highs.byteSize + this.lows.byteSize;
  }

  /** The index of `key`, or undefined when it was never added. */
  get(key: string): number | undefined {
    const high = split(key);
    if (high < 0) return this.others.get(key);
    const entry = (this.slots[this.find(high, splitLow)] ?? 0) - 1;
    return entry < 0 ? undefined : entry;
  }

  /** The index of `key`, added at the end when new. */
  add(key: string): number {
    const high = split(key);
    if (high < 0) {
      const known = this.others.get(key);
      if (known !== undefined) return known;
      const entry = this.highs.push(OTHER);
      this.lows.push(0);
      this.others.set(key, entry);
      return entry;
    }
    const low = splitLow;
    const slot = this.find(high, low);
    const known = (this.slots[slot] ?? 0) - 1;
    if (known >= 0) return known;
    const entry = this.highs.push(high);
    this.lows.push(low);
    if ((this.highs.length - this.others.size) * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = entry + 1;
    return entry;
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private find(high: number, low: number): number {
    const mask = this.slots.length - 1;
    if (mask < 0) return 0;
    let slot = mix(low ^ mix((high >>> 0) ^ ((high / 4294967296) | 0))) & mask;
    for (;;) {
      const at = this.slots[slot] as number;
      if (at === 0 || (this.lows.at(at - 1) === low && this.highs.at(at - 1) === high)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** A table twice as large, filled again from the entries (the keys are kept in them). */
  private rehash(): void {
    this.slots = new Int32Array(Math.max(64, this.slots.length * 2));
    for (let entry = 0; entry < this.highs.length; entry++) {
      const high = this.highs.at(entry);
      if (high !== OTHER) this.slots[this.find(high, this.lows.at(entry))] = entry + 1;
    }
  }
}

/** Identifier text -> a whole number (a DigitKeyIndex and a column of values). */
export class DigitKeyMap {
  private readonly keys = new DigitKeyIndex();
  private readonly values = new NumberColumn();

  get size(): number {
    return this.keys.size;
  }

  get(key: string): number | undefined {
    const entry = this.keys.get(key);
    return entry === undefined ? undefined : this.values.at(entry);
  }

  set(key: string, value: number): void {
    const entry = this.keys.add(key);
    if (entry === this.values.length) this.values.push(value);
    else this.values.set(entry, value);
  }
}

/** A high part no digit key has (packHigh is at least 1): the key is text, kept aside. */
const OTHER = -1;

/** The packed leading digits of a key (the last 9 left in splitLow), or -1 when it is not 1-18 digits. */
function split(key: string): number {
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

/** The key packed by split, as text again. */
function unsplit(high: number, low: number): string {
  const length = high % 32;
  const lowLength = Math.min(length, LOW_DIGITS);
  const leading = length > LOW_DIGITS ? String((high - length) / 32).padStart(length - LOW_DIGITS, "0") : "";
  return leading + String(low).padStart(lowLength, "0");
}

/**
 * A column of identifier texts (NIK, NIP) or nulls, one per record: 1-18 digits packed into
 * two numbers (8 bytes, not a string), other text kept aside; a column of nulls costs nothing
 * (honorer have no NIP). Exact: every text comes back as given.
 */
export class DigitTextColumn {
  /** packHigh of the digits, 0 for null, OTHER for text in `others`. */
  private readonly highs = new NumberColumn();
  private readonly lows = new NumberColumn((n) => new Int32Array(n));
  private readonly others = new Map<number, string>();

  get length(): number {
    return this.highs.length;
  }

  /** Bytes held by the packed digits (for tests and benchmarks). */
  get byteSize(): number {
    return this.highs.byteSize + this.lows.byteSize;
  }

  push(text: string | null): number {
    const high = text === null ? 0 : split(text);
    if (high < 0) this.others.set(this.highs.length, text as string);
    this.lows.push(high > 0 ? splitLow : 0);
    return this.highs.push(high < 0 ? OTHER : high);
  }

  at(index: number): string | null {
    const high = this.highs.at(index);
    if (high === OTHER) return this.others.get(index) ?? null;
    return high > 0 ? unsplit(high, this.lows.at(index)) : null;
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
 * A growable column of numbers, for one field of many records. It holds nothing while every
 * value is 0 (a workbook's one sheet index, a column of nulls), then whole numbers in 4 bytes
 * each, and doubles only once a value needs them (a damaged file's row, a fraction): a
 * full-height sheet keeps a million records, and most fields are small whole numbers (issue 8).
 * `make` fixes a narrower array instead (values must fit it).
 */
export class NumberColumn {
  private data: NumberArray | null = null;
  length = 0;

  constructor(private readonly make?: (length: number) => NumberArray) {}

  /** Bytes held (for tests and benchmarks). */
  get byteSize(): number {
    return this.data?.byteLength ?? 0;
  }

  push(value: number): number {
    const index = this.length++;
    if (value !== 0 || this.data !== null) this.put(index, value);
    return index;
  }

  at(index: number): number {
    if (index < 0 || index >= this.length) return Number.NaN;
    return this.data === null ? 0 : (this.data[index] ?? 0);
  }

  set(index: number, value: number): void {
    if (index >= 0 && index < this.length) this.put(index, value);
  }

  /** The values as one array (a view, valid until the next push). */
  view(): Float64Array | Int32Array | Uint8Array {
    return this.data === null ? new Uint8Array(this.length) : this.data.subarray(0, this.length);
  }

  private put(index: number, value: number): void {
    let data = this.data;
    const wider = this.make === undefined && !(data instanceof Float64Array) && !isInt32(value);
    if (data === null || wider || index >= data.length) {
      const size = Math.max(16, data === null ? this.length : data.length * (index >= data.length ? 2 : 1));
      const next =
        this.make !== undefined
          ? this.make(size)
          : wider || data instanceof Float64Array
            ? new Float64Array(size)
            : new Int32Array(size);
      if (data !== null) next.set(data);
      this.data = data = next;
    }
    data[index] = value;
  }
}

/** A value an Int32Array gives back exactly (not -0). */
const isInt32 = (v: number): boolean => (v | 0) === v && (v !== 0 || 1 / v > 0);
