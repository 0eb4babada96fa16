/**
 * A worksheet part as rows of core cells, streamed: the XML is inflated and scanned chunk
 * by chunk and each row is handed on as soon as it closes, so memory holds one chunk and
 * one row whatever the sheet's height.
 */
import type { Cell, MergeArea } from "../core/cells";
import { PackageError } from "./errors";
import {
  XmlScanner,
  attr,
  decodeEntities,
  decodeExcelEscapes,
  isEmptyTag,
  isEndTag,
  isNameEnd,
  walkAttrs,
  localName,
  numberIn,
} from "./xml";
import { type CellFormats, type WorkbookPackage, entryOf } from "./workbook";
import {
  TEXT_SLICE,
  type ZipArchive,
  type ZipEntry,
  concatBytes,
  crc32,
  entryBytes,
  inflateChunks,
  inflateEntryPieces,
  inflatesInPieces,
  textChunks,
} from "./zip";

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly formats: CellFormats;
  readonly date1904: boolean;
}

/** One row as read. `formulaColumns`: 0-based columns holding a formula with no cached value (content all the same). */
export type RowHandler = (rowNumber: number, cells: Cell[], formulaColumns: readonly number[] | null) => void;

/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1904-01-01. */
const DAYS_1900_TO_1904 = 1462;
const SERIAL_OF_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

/** "AB12" -> 27 (0-based column); -1 when there are no letters. */
export function columnOfRef(ref: string): number {
  return columnAt(ref, 0, ref.length);
}

/** The column of the reference buf[from..to) ("AB12" -> 27), without making a string; -1 when there are no letters. */
export function columnAt(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** An ISO 8601 date or date-time (`t="d"` cells) to a 1900-system serial; null when not one. */
export function isoToSerial(text: string): number | null {
  const m =
    /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
      text,
    );
  if (m === null) {
    const time = /^\s*(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*$/.exec(text);
    if (time === null) return null;
    return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = Date.UTC(y, mo - 1, d);
  if (new Date(day).getUTCDate() !== d) return null;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return day / MS_PER_DAY + SERIAL_OF_EPOCH + seconds / 86400;
}

/**
 * A cell's text, detached from the piece of XML it was read from: V8 keeps a substring of 13
 * or more characters as a view into its parent string, so one name or NIK kept by the check
 * (a row with issues, a person known for the training tally) held its whole megabyte of the
 * sheet's text, and a full-height check held nearly all of it (issue 8). Joining a character
 * and cutting it off again makes V8 flatten the text into a string of its own.
 */
const detached = (s: string): string => (s.length < 13 ? s : `${s} `.slice(0, -1));

const textOf = (raw: string): string => detached(decodeExcelEscapes(decodeEntities(raw)));

function makeCell(type: string | null, raw: string, hasValue: boolean, style: number, ctx: SheetContext): Cell {
  const code = ctx.formats.codes[style];
  // Object literals of one shape each (no spread): this runs for every cell of the sheet.
  const format = code !== undefined && code !== "General" ? code : undefined;
  switch (type) {
    case "s": {
      if (!hasValue) return null;
      const s = ctx.sharedStrings[Number(raw)];
      if (s === undefined) return { t: "e", v: "#REF!" };
      return format === undefined ? { t: "s", v: s } : { t: "s", v: s, format };
    }
    case "str":
    case "inlineStr":
      if (!hasValue) return null;
      return format === undefined ? { t: "s", v: textOf(raw) } : { t: "s", v: textOf(raw), format };
    case "b":
      return hasValue ? { t: "b", v: raw.trim() === "1" || raw.trim() === "true" } : null;
    case "e":
      return hasValue ? { t: "e", v: textOf(raw).trim() } : null;
    case "d": {
      if (!hasValue) return null;
      const serial = isoToSerial(textOf(raw));
      if (serial === null)
        return format === undefined ? { t: "s", v: textOf(raw) } : { t: "s", v: textOf(raw), format };
      return format === undefined ? { t: "d", v: serial } : { t: "d", v: serial, format };
    }
    default: {
      if (!hasValue || raw.trim() === "") return null;
      const v = Number(raw);
      if (!Number.isFinite(v)) return { t: "e", v: "#NUM!" };
      if (ctx.formats.dates[style] === true) {
        const d = ctx.date1904 ? v + DAYS_1900_TO_1904 : v;
        return format === undefined ? { t: "d", v: d } : { t: "d", v: d, format };
      }
      return format === undefined ? { t: "n", v } : { t: "n", v, format };
    }
  }
}

// The attributes of the <c> tag being read, as offsets into the buffer (-1: absent).
let refAt = -1;
let refEnd = -1;
let typeAt = -1;
let typeEnd = -1;
let styleAt = -1;
let styleEnd = -1;

const CELL_TYPES = ["s", "str", "n", "inlineStr", "b", "e", "d"];

/** The t attribute buf[from..to) as one of the known types' strings: no string made for every cell. */
function cellType(buf: string, from: number, to: number): string {
  const length = to - from;
  for (const t of CELL_TYPES) if (t.length === length && buf.startsWith(t, from)) return t;
  return buf.slice(from, to);
}

/** Takes r, t and s of a <c> tag (one-letter names) as it meets them. */
function cellAttr(buf: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): boolean {
  if (nameEnd - nameStart === 1) {
    const n = buf.charCodeAt(nameStart);
    if (n === 114) ((refAt = valueStart), (refEnd = valueEnd));
    else if (n === 116) ((typeAt = valueStart), (typeEnd = valueEnd));
    else if (n === 115) ((styleAt = valueStart), (styleEnd = valueEnd));
  }
  return true;
}

/**
 * Reads r, t and s of the <c> tag at buf[start] when it is written as Excel writes it (one-
 * letter names, one space before each, double quotes) and returns where the tag ends, or -1
 * when it is written otherwise or runs past the buffer.
 */
function plainCellTag(buf: string, start: number): number {
  refAt = typeAt = styleAt = -1;
  const n = buf.length;
  let i = start + 2;
  while (i < n && !isNameEnd(buf.charCodeAt(i))) i++;
  // Every read checked against the end (never past it: see scan in xml.ts).
  for (;;) {
    if (i >= n) return -1;
    const c = buf.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 47) return i + 1 < n && buf.charCodeAt(i + 1) === 62 ? i + 2 : -1;
    if (c !== 32 || i + 3 >= n || buf.charCodeAt(i + 2) !== 61 || buf.charCodeAt(i + 3) !== 34) return -1;
    const close = buf.indexOf('"', i + 4);
    if (close === -1) return -1;
    cellAttr(buf, i + 1, i + 2, i + 4, close);
    i = close + 1;
  }
}

/** Finds r, t and s of the <c> tag buf[start..end): straight when plain, else by the general walk. */
function cellAttrs(buf: string, start: number, end: number): void {
  if (plainCellTag(buf, start) === end) return;
  refAt = typeAt = styleAt = -1;
  walkAttrs(buf, start, end, (ns, ne, vs, ve) => cellAttr(buf, ns, ne, vs, ve));
}

const enum In {
  None,
  Value,
  InlineText,
}

/**
 * How many bytes of a held part are decoded and scanned at a time. Tests shrink it so that
 * rows and cells cross buffer ends in many more places.
 */
export const SHEET_READ = { sliceBytes: TEXT_SLICE };

/** What reading a sheet's rows found beside them. */
export interface SheetReadFacts {
  /** A comment, processing instruction or CDATA section inside <sheetData> (rows holding one need care when copied). */
  readonly oddInRows: boolean;
}

/** Streams a worksheet's rows to `onRow`, in the order of the part (ascending, as Excel writes them). */
export function readSheetRows(
  pkg: WorkbookPackage,
  part: string,
  ctx: SheetContext,
  onRow: RowHandler,
  held?: HeldPart,
): SheetReadFacts {
  const entry = sheetEntry(pkg, part);
  const rows = rowReader(ctx, onRow);
  if (held !== undefined) heldTexts(held, rows.feed, SHEET_READ.sliceBytes);
  else textChunks(pkg.zip, entry, rows.feed);
  return rows.end();
}

/** readSheetRows with the part inflated away from this thread as it is read (see streamedText). */
export async function readSheetRowsStreamed(
  pkg: WorkbookPackage,
  part: string,
  ctx: SheetContext,
  onRow: RowHandler,
  gate?: ReadGate,
): Promise<SheetReadFacts> {
  const entry = sheetEntry(pkg, part);
  // A part stored without compression (or a codec that cannot) is read here.
  if (!inflatesInPieces(pkg.zip, entry)) {
    await gate?.ready;
    return readSheetRows(pkg, part, ctx, onRow);
  }
  const rows = rowReader(ctx, onRow);
  await streamedText(pkg.zip, entry, rows.feed, undefined, SHEET_READ.sliceBytes, undefined, gate);
  return rows.end();
}

/**
 * Holds a streamed read back until `ready` settles (the sheet's merged areas, read in a pass
 * of their own at the same time): meanwhile up to about `aheadBytes` of the part are inflated
 * and kept, so the rows start from memory instead of waiting for that pass. A rejected
 * `ready` ends the read with its error.
 */
export interface ReadGate {
  readonly ready: Promise<void>;
  readonly aheadBytes: number;
  /** Called when the read holds what it may ahead (or the whole part) and waits for `ready`. */
  readonly onWait?: () => void;
}

function sheetEntry(pkg: WorkbookPackage, part: string): ZipEntry {
  const entry = entryOf(pkg.zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  return entry;
}

/** The row reading of a sheet: its text fed in order, then ended. */
function rowReader(
  ctx: SheetContext,
  onRow: RowHandler,
): { readonly feed: (text: string) => void; readonly end: () => SheetReadFacts } {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let formulaColumns: number[] | null = null;
  let col = -1;
  // The previous cell's column in the row: a cell without a reference is the next one (as the patcher counts).
  let lastCol = -1;
  let type: string | null = null;
  let style = 0;
  let value = "";
  let hasValue = false;
  let hasFormula = false;
  let inCell = false;
  let inInline = false;
  let phonetic = 0;
  let capture = In.None;
  let inSheetData = false;
  // A comment, processing instruction or CDATA section met among the rows.
  let odd = false;

  const closeCell = (): void => {
    const cell = makeCell(type, value, hasValue, style, ctx);
    if (col < 0) col = lastCol + 1;
    lastCol = col;
    if (cell !== null) {
      while (cells.length < col) cells.push(null);
      cells[col] = cell;
    } else if (hasFormula) (formulaColumns ??= []).push(col);
    inCell = false;
  };
  const closeRow = (): void => {
    onRow(rowNumber, cells, formulaColumns);
    cells = [];
    formulaColumns = null;
    lastCol = -1;
  };

  /** Sets up the cell whose start tag's attributes were just read. */
  const openCell = (buf: string): void => {
    col = refAt !== -1 ? columnAt(buf, refAt, refEnd) : lastCol + 1;
    type = typeAt !== -1 ? cellType(buf, typeAt, typeEnd) : null;
    style = styleAt !== -1 ? numberIn(buf, styleAt, styleEnd) : 0;
    value = "";
    hasValue = false;
    hasFormula = false;
    inCell = true;
  };

  /**
   * The cells from buf[pos] on that are written as Excel writes most (<c .../> and
   * <c ...><v>value</v></c>, unprefixed, one after another), read straight with indexOf: a
   * scanner call per tag cost more than the rest of reading. Returns where it stopped (any
   * other element or text, or the buffer's end), for the scanner to go on from there.
   */
  const plainCells = (buf: string, pos: number): number => {
    for (;;) {
      if (
        pos + 2 >= buf.length ||
        buf.charCodeAt(pos) !== 60 ||
        buf.charCodeAt(pos + 1) !== 99 ||
        !isNameEnd(buf.charCodeAt(pos + 2))
      )
        return pos;
      const tagEnd = plainCellTag(buf, pos);
      if (tagEnd === -1) return pos;
      if (buf.charCodeAt(tagEnd - 2) === 47) {
        openCell(buf);
        closeCell();
        pos = tagEnd;
        continue;
      }
      if (!buf.startsWith("<v>", tagEnd)) return pos;
      const close = buf.indexOf("<", tagEnd + 3);
      if (close === -1 || !buf.startsWith("</v></c>", close)) return pos;
      openCell(buf);
      value = buf.slice(tagEnd + 3, close);
      hasValue = true;
      closeCell();
      pos = close + 8;
    }
  };

  const scanner = new XmlScanner({
    tag(buf, start, end) {
      const name = localName(buf, start);
      const closing = isEndTag(buf, start);
      if (!inSheetData) {
        if (name === "sheetData" && !closing && !isEmptyTag(buf, end)) inSheetData = true;
        return;
      }
      switch (name) {
        case "c":
          if (closing) {
            closeCell();
            return plainCells(buf, end);
          }
          cellAttrs(buf, start, end);
          openCell(buf);
          if (isEmptyTag(buf, end)) {
            closeCell();
            return plainCells(buf, end);
          }
          return;
        case "v":
          if (!inCell) return;
          if (closing) capture = In.None;
          else {
            hasValue = true;
            capture = isEmptyTag(buf, end) ? In.None : In.Value;
          }
          return;
        case "f":
          if (inCell && !closing) hasFormula = true;
          return;
        case "is":
          inInline = !closing && !isEmptyTag(buf, end);
          if (inInline) hasValue = true;
          return;
        case "rPh":
          if (!isEmptyTag(buf, end)) phonetic += closing ? -1 : 1;
          return;
        case "t":
          if (inInline && phonetic === 0) capture = closing || isEmptyTag(buf, end) ? In.None : In.InlineText;
          return;
        case "row":
          if (closing) closeRow();
          else {
            const r = attr(buf, start, end, "r");
            rowNumber = r !== null ? Number(r) : rowNumber + 1;
            if (isEmptyTag(buf, end)) closeRow();
            else return plainCells(buf, end);
          }
          return;
        case "sheetData":
          if (closing) inSheetData = false;
          return;
      }
    },
    text(buf, start, end) {
      if (capture !== In.None) value += buf.slice(start, end);
    },
    other(buf, start, end, cdata) {
      if (inSheetData) odd = true;
      if (cdata && capture !== In.None) value += buf.slice(start, end).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    },
  });
  return {
    feed: (text) => scanner.feed(text),
    end: () => {
      scanner.end();
      return { oddInRows: odd };
    },
  };
}

/** Parts up to this size are held inflated between the check and the copy; larger ones stream. */
export const WHOLE_PART_LIMIT = 64 * 1024 * 1024;

/**
 * A sheet part held inflated for the check and the copy after it, in the pieces it was
 * inflated in, and decoded a slice at a time whenever it is read. Never one string or one
 * buffer of the whole part: on this kind of machine a fresh 54 MB block costs a quarter of a
 * second of page faults when first written (measured: 250 ms to copy 54 MB into a new
 * buffer, 4 ms again; 250-430 ms to decode 54 MB whole, 30-60 ms in 64 KB slices).
 */
export interface HeldPart {
  readonly pieces: readonly Uint8Array[];
  readonly size: number;
  /** Every byte below 0x80, one character each: the copy then takes unchanged runs as bytes. */
  readonly ascii: boolean;
}

/** True when no byte of `bytes` has its high bit set. */
export function allAscii(bytes: Uint8Array): boolean {
  let i = 0;
  // Four bytes at a time where the view is aligned for it.
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset % 4)) % 4);
  for (; i < head; i++) if (((bytes[i] as number) & 0x80) !== 0) return false;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >>> 2);
  for (let w = 0; w < words.length; w++) if (((words[w] as number) & 0x80808080) !== 0) return false;
  for (i += words.length * 4; i < bytes.length; i++) if (((bytes[i] as number) & 0x80) !== 0) return false;
  return true;
}

/** The bytes a UTF-8 character starting with `b` takes (1 for a byte that cannot start one). */
const sequenceLength = (b: number): number => (b < 0xc0 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);

/**
 * Where the last whole UTF-8 character of bytes[from..to) ends: `to`, or the start of a
 * character whose bytes run past it (they are decoded with what follows).
 */
export function characterEnd(bytes: Uint8Array, from: number, to: number): number {
  let lead = to - 1;
  // At most three continuation bytes (10xxxxxx) end a character of four.
  while (lead >= from && lead > to - 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
  if (lead < from) return to;
  return lead + sequenceLength(bytes[lead] as number) <= to ? to : lead;
}

/**
 * A part's bytes, given a piece at a time, as text a slice of about `slice` bytes at a time:
 * each slice ends where a character ends and is decoded on its own (not in stream mode: that
 * makes two-byte strings even of ASCII, and every name or NIK cut from them costs several
 * times more to write out). A character cut at a piece's end waits for the next piece.
 */
export class PieceDecoder {
  /** The first bytes of a character cut at the last piece's end. */
  private carry: Uint8Array | null = null;

  constructor(private readonly slice = TEXT_SLICE) {}

  push(piece: Uint8Array, onText: (text: string) => void): void {
    let i = 0;
    const carry = this.carry;
    if (carry !== null) {
      const take = Math.max(0, Math.min(piece.length, sequenceLength(carry[0] as number) - carry.length));
      const joined = new Uint8Array(carry.length + take);
      joined.set(carry);
      joined.set(piece.subarray(0, take), carry.length);
      this.carry = null;
      i = take;
      if (joined.length < sequenceLength(joined[0] as number)) {
        this.carry = joined;
        return;
      }
      onText(utf8.decode(joined));
    }
    while (i < piece.length) {
      let end = Math.min(piece.length, i + this.slice);
      let cut = characterEnd(piece, i, end);
      // A slice shorter than the character it starts with (tests use tiny ones): take the character.
      if (cut === i && end < piece.length) cut = characterEnd(piece, i, (end = Math.min(piece.length, i + 4)));
      if (cut > i) onText(utf8.decode(piece.subarray(i, cut)));
      if (cut < end && end === piece.length) {
        this.carry = piece.slice(cut);
        return;
      }
      i = cut > i ? cut : end;
    }
  }

  /** The end of the part: bytes of an unfinished character are decoded as they are. */
  end(onText: (text: string) => void): void {
    if (this.carry !== null) onText(utf8.decode(this.carry));
    this.carry = null;
  }
}

/** A held part's text, a slice at a time (see PieceDecoder). */
export function heldTexts(held: HeldPart, onText: (text: string) => void, slice = TEXT_SLICE): void {
  const decoder = new PieceDecoder(slice);
  for (const piece of held.pieces) decoder.push(piece, onText);
  decoder.end(onText);
}

/**
 * A part inflated by the codec away from this thread (`inflatePieces`: the command line's
 * zlib on libuv's thread pool), its text handed out a slice at a time as the pieces come: the
 * next piece is inflated while this one is read. Its compressed bytes are read a step at a
 * time and its inflated bytes never held together, so memory stays bounded at any size; its
 * size and checksum are checked at the end. `afterPiece` (a writer waiting for room) is
 * awaited before the next piece is handed out.
 */
export async function streamedText(
  zip: ZipArchive,
  entry: ZipEntry,
  onText: (text: string) => void,
  afterPiece?: () => Promise<void>,
  slice = TEXT_SLICE,
  /** Each piece's bytes, before its text is handed out. */
  onBytes?: (piece: Uint8Array) => void,
  gate?: ReadGate,
): Promise<void> {
  const decoder = new PieceDecoder(slice);
  const crcOf = zip.codec.crc32 ?? crc32;
  let size = 0;
  let crc = 0;
  const take = (piece: Uint8Array): void => {
    onBytes?.(piece);
    decoder.push(piece, onText);
  };
  // Pieces inflated before the gate opens, copied (the codec reuses its buffer).
  let ahead: Uint8Array[] = [];
  let aheadBytes = 0;
  let open = gate === undefined;
  const opened = gate?.ready.then(() => {
    open = true;
  });
  // Seen by the pieces' wait below, or by the caller that made the gate.
  opened?.catch(() => undefined);
  const drain = (): void => {
    for (const piece of ahead) take(piece);
    ahead = [];
  };
  await inflateEntryPieces(zip, entry, async (piece) => {
    size += piece.length;
    if (size > entry.size) throw new PackageError("damaged", "entry-damaged");
    crc = crcOf(piece, crc);
    if (!open && gate !== undefined) {
      ahead.push(piece.slice());
      aheadBytes += piece.length;
      if (aheadBytes < gate.aheadBytes) return;
      gate.onWait?.();
      await opened;
      drain();
    } else {
      drain();
      take(piece);
    }
    if (afterPiece !== undefined) await afterPiece();
  });
  if (!open) {
    gate?.onWait?.();
    await opened;
  }
  drain();
  decoder.end(onText);
  // A damaged entry can still inflate: its size and checksum tell.
  if (size !== entry.size || crc !== entry.crc) throw new PackageError("damaged", "entry-damaged");
}

/**
 * A part's bytes by their offset in the whole part, from the pieces given so far: for copying
 * unchanged runs as they are. The offsets asked for only grow; pieces passed are let go.
 */
export class PartBytes {
  private readonly pieces: Uint8Array[] = [];
  private index = 0;
  private pieceStart = 0;
  private end = 0;
  /** With `ring`: the reused buffers pieces are copied into. */
  private readonly buffers: Uint8Array[] = [];

  /**
   * `ring` > 0: pieces given are copied into that many reused buffers (a codec's pieces may be
   * reused once handed on), and only the last `ring` - 1 are kept; 0: kept as given.
   */
  constructor(
    pieces: readonly Uint8Array[] = [],
    private readonly ring = 0,
  ) {
    for (const piece of pieces) this.add(piece);
  }

  add(piece: Uint8Array): void {
    if (this.ring > 0) {
      while (this.pieces.length - this.index >= this.ring - 1 && this.index < this.pieces.length) this.dropOldest();
      const slot = this.pieces.length % this.ring;
      let buffer = this.buffers[slot];
      if (buffer === undefined || buffer.length < piece.length)
        this.buffers[slot] = buffer = new Uint8Array(piece.length);
      buffer.set(piece);
      piece = buffer.subarray(0, piece.length);
    }
    this.pieces.push(piece);
    this.end += piece.length;
  }

  private dropOldest(): void {
    this.pieceStart += (this.pieces[this.index] as Uint8Array).length;
    this.pieces[this.index++] = NO_BYTES;
  }

  /** Hands out bytes [start, end) piece by piece; false (nothing handed out) when they are not all here. */
  each(start: number, end: number, onBytes: (bytes: Uint8Array) => void): boolean {
    const pieces = this.pieces;
    while (this.index < pieces.length && this.pieceStart + (pieces[this.index] as Uint8Array).length <= start)
      this.dropOldest();
    if (start < this.pieceStart || end > this.end) return false;
    let k = this.index;
    let at = this.pieceStart;
    while (start < end && k < pieces.length) {
      const piece = pieces[k] as Uint8Array;
      const to = Math.min(end, at + piece.length);
      if (to > start) onBytes(piece.subarray(start - at, to - at));
      start = Math.max(start, to);
      at += piece.length;
      k++;
    }
    return true;
  }
}

const NO_BYTES = new Uint8Array(0);

/** The part held when it is small enough, else undefined (then it is streamed). Inflated here, whole. */
export function wholeSheetPart(pkg: WorkbookPackage, part: string): HeldPart | undefined {
  const entry = entryOf(pkg.zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  if (entry.size === 0 || entry.size > WHOLE_PART_LIMIT) return undefined;
  return heldBytes(entryBytes(pkg.zip, entry));
}

/** A part's bytes inflated in one piece, as a held part. */
export function heldBytes(bytes: Uint8Array): HeldPart {
  return { pieces: [bytes], size: bytes.length, ascii: allAscii(bytes) };
}

const utf8 = new TextDecoder("utf-8");

const MERGE_CELL = /<(?:[A-Za-z0-9_]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

function mergesIn(text: string): MergeArea[] {
  const merges: MergeArea[] = [];
  for (const m of text.matchAll(MERGE_CELL)) {
    const area = parseArea(m[1] as string);
    if (area !== null) merges.push(area);
  }
  return merges;
}

const SHEET_DATA = [..."sheetData"].map((c) => c.charCodeAt(0));

/**
 * The merged areas of a worksheet. They follow the rows in the part, but the engine needs
 * them before the first rows (to read grouped headers), so the part is inflated once
 * ahead and only its tail after the rows is decoded.
 */
export function readSheetMerges(pkg: WorkbookPackage, part: string, held?: HeldPart): MergeArea[] {
  const entry = sheetEntry(pkg, part);
  const finder = new MergeFinder();
  if (held !== undefined) for (const piece of held.pieces) finder.take(piece);
  else inflateChunks(pkg.zip, entry, (chunk) => finder.take(chunk));
  return finder.merges();
}

/** readSheetMerges with the part inflated away from this thread (see streamedText): a pass of its own, ahead of the rows. */
export async function readSheetMergesStreamed(pkg: WorkbookPackage, part: string): Promise<MergeArea[]> {
  const entry = sheetEntry(pkg, part);
  if (!inflatesInPieces(pkg.zip, entry)) return readSheetMerges(pkg, part);
  const finder = new MergeFinder();
  await inflateEntryPieces(pkg.zip, entry, (piece) => finder.take(piece), MERGES_SIZES);
  return finder.merges();
}

/**
 * The merges' pass inflates in large pieces from large compressed steps: each piece and each
 * step costs a turn of this thread's event loop, taken between pieces of rows being checked,
 * and the areas are wanted early (the first sheet's rows are checked before they are known:
 * see checkPackageStreamed). At 100k rows with the usual sizes the areas came 1.2-1.5 s after
 * the rows began (about when the rows ended); nothing of a piece is kept but the part's tail.
 */
const MERGES_SIZES = { pieceBytes: 4 << 20, stepBytes: 1 << 20 };

/**
 * The merged areas of a part given a chunk at a time: only the text after the last
 * "sheetData" (its end tag) is kept and decoded.
 */
class MergeFinder {
  private readonly tail: Uint8Array[] = [];
  private found = false;
  private carry = new Uint8Array(0);

  take(chunk: Uint8Array): void {
    const { tail, carry } = this;
    if (this.found) {
      tail.push(chunk.slice());
      return;
    }
    // Look for the last "sheetData" (its end tag) across the chunk boundary: the bytes are read
    // as the previous chunk's last 16 followed by this chunk, without joining them (a copy of
    // every chunk of a full-height sheet).
    const joinedLength = carry.length + chunk.length;
    const byteAt = (k: number): number | undefined => (k < carry.length ? carry[k] : chunk[k - carry.length]);
    let at = -1;
    const consider = (i: number): void => {
      // "D" of "sheetData": check the five letters before and the three after.
      const s = i - 5;
      if (s < 0 || i + 4 > joinedLength || byteAt(i - 1) !== 0x74) return;
      let ok = true;
      for (let k = 0; k < 9 && ok; k++) ok = byteAt(s + k) === SHEET_DATA[k];
      if (ok && (byteAt(s - 1) === 0x2f || byteAt(s + 9) === 0x2f)) at = s;
    };
    for (let i = carry.indexOf(0x44); i !== -1; i = carry.indexOf(0x44, i + 1)) consider(i);
    for (let i = chunk.indexOf(0x44); i !== -1; i = chunk.indexOf(0x44, i + 1)) consider(carry.length + i);
    if (at !== -1) {
      this.found = true;
      if (at < carry.length) tail.push(carry.slice(at), chunk.slice());
      else tail.push(chunk.slice(at - carry.length));
    } else if (chunk.length >= 16) this.carry = chunk.slice(chunk.length - 16);
    else {
      const joined = new Uint8Array(joinedLength);
      joined.set(carry);
      joined.set(chunk, carry.length);
      this.carry = joined.slice(Math.max(0, joinedLength - 16));
    }
  }

  merges(): MergeArea[] {
    return this.found ? mergesIn(new TextDecoder().decode(concatBytes(this.tail))) : [];
  }
}

/** "A1:C3" (or "B2") as 1-based inclusive coordinates. */
export function parseArea(ref: string): MergeArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (m === null) return null;
  const left = columnOfRef(m[1] as string) + 1;
  const top = Number(m[2]);
  const right = m[3] !== undefined ? columnOfRef(m[3]) + 1 : left;
  const bottom = m[4] !== undefined ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
