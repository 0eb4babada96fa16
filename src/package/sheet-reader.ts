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
} from "./xml";
import { type CellFormats, type WorkbookPackage, entryOf } from "./workbook";
import { concatBytes, entryBytes, inflateChunks, textChunks } from "./zip";

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

/** The s attribute buf[from..to) as a number, read digit by digit (anything else as Number reads it). */
function styleIndex(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(buf.slice(from, to));
    n = n * 10 + d;
  }
  return n;
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
 * Finds r, t and s of a <c> tag. The tag as Excel writes it (one-letter names, one space
 * before each, double quotes) is read straight; anything else takes the general walk over
 * its attributes. This runs for every cell of the sheet.
 */
function cellAttrs(buf: string, start: number, end: number): void {
  refAt = typeAt = styleAt = -1;
  let i = start + 2;
  while (i < end && !isNameEnd(buf.charCodeAt(i))) i++;
  for (;;) {
    const c = buf.charCodeAt(i);
    if (c === 62 || c === 47) return;
    if (c !== 32 || buf.charCodeAt(i + 2) !== 61 || buf.charCodeAt(i + 3) !== 34) break;
    const close = buf.indexOf('"', i + 4);
    if (close === -1 || close >= end) break;
    cellAttr(buf, i + 1, i + 2, i + 4, close);
    i = close + 1;
  }
  refAt = typeAt = styleAt = -1;
  walkAttrs(buf, start, end, (ns, ne, vs, ve) => cellAttr(buf, ns, ne, vs, ve));
}

const enum In {
  None,
  Value,
  InlineText,
}

/** Streams a worksheet's rows to `onRow`, in the order of the part (ascending, as Excel writes them). */
export function readSheetRows(
  pkg: WorkbookPackage,
  part: string,
  ctx: SheetContext,
  onRow: RowHandler,
  text?: string,
): void {
  const entry = entryOf(pkg.zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  let rowNumber = 0;
  let cells: Cell[] = [];
  let formulaColumns: number[] | null = null;
  let col = -1;
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

  const closeCell = (): void => {
    const cell = makeCell(type, value, hasValue, style, ctx);
    if (col < 0) col = cells.length;
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
          if (closing) closeCell();
          else {
            cellAttrs(buf, start, end);
            col = refAt !== -1 ? columnAt(buf, refAt, refEnd) : cells.length;
            type = typeAt !== -1 ? cellType(buf, typeAt, typeEnd) : null;
            style = styleAt !== -1 ? styleIndex(buf, styleAt, styleEnd) : 0;
            value = "";
            hasValue = false;
            hasFormula = false;
            inCell = true;
            if (isEmptyTag(buf, end)) closeCell();
            else if (buf.startsWith("<v>", end) && isNameEnd(buf.charCodeAt(start + 2))) {
              // The usual cell, <c ...><v>value</v></c>, read whole: one call instead of four.
              const close = buf.indexOf("<", end + 3);
              if (close !== -1 && buf.startsWith("</v></c>", close)) {
                value = buf.slice(end + 3, close);
                hasValue = true;
                closeCell();
                return close + 8;
              }
            }
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
      if (cdata && capture !== In.None) value += buf.slice(start, end).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    },
  });
  if (text !== undefined) scanner.feed(text);
  else textChunks(pkg.zip, entry, (chunk) => scanner.feed(chunk));
  scanner.end();
}

/** Parts up to this size are inflated whole (one pass gives merges and rows); larger ones stream. */
export const WHOLE_PART_LIMIT = 64 * 1024 * 1024;

/**
 * A sheet part held whole: its text, and its bytes when every character is one byte
 * (ASCII, as sheet XML mostly is), so the copy can take unchanged runs as bytes without
 * encoding them again.
 */
export interface HeldPart {
  readonly text: string;
  readonly ascii: Uint8Array | null;
}

/** The part held whole when it is small enough, else undefined (then it is streamed). */
export function wholeSheetPart(pkg: WorkbookPackage, part: string): HeldPart | undefined {
  const entry = entryOf(pkg.zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  if (entry.size === 0 || entry.size > WHOLE_PART_LIMIT) return undefined;
  const bytes = entryBytes(pkg.zip, entry);
  const text = utf8.decode(bytes);
  return { text, ascii: text.length === bytes.length ? bytes : null };
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
export function readSheetMerges(pkg: WorkbookPackage, part: string, text?: string): MergeArea[] {
  if (text !== undefined) {
    const end = text.lastIndexOf("sheetData");
    return end === -1 ? [] : mergesIn(text.slice(end));
  }
  const entry = entryOf(pkg.zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  const tail: Uint8Array[] = [];
  let found = false;
  let carry = new Uint8Array(0);
  inflateChunks(pkg.zip, entry, (chunk) => {
    if (found) {
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
      found = true;
      if (at < carry.length) tail.push(carry.slice(at), chunk.slice());
      else tail.push(chunk.slice(at - carry.length));
    } else if (chunk.length >= 16) carry = chunk.slice(chunk.length - 16);
    else {
      const joined = new Uint8Array(joinedLength);
      joined.set(carry);
      joined.set(chunk, carry.length);
      carry = joined.slice(Math.max(0, joinedLength - 16));
    }
  });
  return found ? mergesIn(new TextDecoder().decode(concatBytes(tail))) : [];
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
