/**
 * The core's output cells (OutCell) as SpreadsheetML: text as inline strings (the shared
 * string table is left untouched), numbers only when finite, dates as serials in the
 * workbook's own date system, internal links as HYPERLINK formulas with their text cached.
 * Looks come from the output contract (lookOfStyle), never from here.
 */
import { DATE_FORMAT, type OutCell } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { isoToDay } from "../core/days";
import { type CellLook, hyperlinkFormula, lookOfStyle } from "../core/output";
import type { StyleBook } from "./styles-patch";
import { excelText } from "./xml";

const SERIAL_OF_EPOCH = 25569;
const DAYS_1900_TO_1904 = 1462;
/** Excel's limit on the characters of a cell. */
const MAX_CELL_TEXT = 32_767;

export function lookOf(cell: OutCell): CellLook {
  const look = lookOfStyle(cell.style);
  const dated = cell.value !== null && typeof cell.value === "object";
  const format = cell.numberFormat ?? (dated ? DATE_FORMAT : undefined);
  return format !== undefined ? { ...look, numberFormat: format } : look;
}

/** What excelText changes (&, <, >, "_x" escapes, characters XML cannot hold): text without these is written as it is. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
const SPECIAL = /[&<>_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Whitespace a reader would trim unless told to keep it (the rule write-workbook.ts uses too). */
const NEEDS_PRESERVE = /^\s|\s$|\n/;

/**
 * Inline texts' XML after their reference, by style attribute and text, as made so far: a
 * report's rows repeat a few texts (a path, a unit, a sheet's name) on every row. A text is
 * kept on its second sighting, so a sheet's names and NIKs, each met once, do not fill the
 * room before the texts that repeat. Sightings are remembered as fingerprints, not texts: a
 * million unique names held even briefly would outlive young collections (40 MB more heap
 * at full height, measured); a rare collision only keeps a text early.
 */
const inlineTails = new Map<string, Map<string, string>>();
let inlineTailCount = 0;
const INLINE_TAILS_MAX = 4096;
const sightings = new Int32Array(1 << 14);

/** A 32-bit FNV-1a fingerprint of the style attribute and text (never 0, the empty slot). */
function fingerprint(s: string, text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 1;
}

function inlineXml(s: string, text: string): string {
  const cut = text.slice(0, MAX_CELL_TEXT);
  // xml:space only where it matters: it is a fifth of a short computed cell's bytes, on every row.
  const space = NEEDS_PRESERVE.test(cut) ? ' xml:space="preserve"' : "";
  return `"${s} t="inlineStr"><is><t${space}>${SPECIAL.test(cut) ? excelText(cut) : cut}</t></is></c>`;
}

function inlineTail(s: string, text: string): string {
  let kept = inlineTails.get(s);
  if (kept === undefined) inlineTails.set(s, (kept = new Map()));
  const known = kept.get(text);
  if (known !== undefined) return known;
  if (inlineTailCount >= INLINE_TAILS_MAX || text.length > 256) return inlineXml(s, text);
  const print = fingerprint(s, text);
  const slot = print & (sightings.length - 1);
  if (sightings[slot] !== print) {
    sightings[slot] = print;
    return inlineXml(s, text);
  }
  const tail = inlineXml(s, text);
  kept.set(text, tail);
  inlineTailCount++;
  return tail;
}

/** The ` s="N"` attribute per StyleBook, by style, number format and whether the value is a date (no key strings built per cell). */
const styleAttrs = new WeakMap<StyleBook, Map<string, Map<string, [string?, string?]>>>();

function styleAttr(cell: OutCell, styles: StyleBook): string {
  const dated = cell.value !== null && typeof cell.value === "object" ? 1 : 0;
  let byStyle = styleAttrs.get(styles);
  if (byStyle === undefined) styleAttrs.set(styles, (byStyle = new Map()));
  const style = cell.style ?? "";
  let byFormat = byStyle.get(style);
  if (byFormat === undefined) byStyle.set(style, (byFormat = new Map()));
  const format = cell.numberFormat ?? "";
  let pair = byFormat.get(format);
  if (pair === undefined) byFormat.set(format, (pair = []));
  let s = pair[dated];
  if (s === undefined) {
    const look = lookOf(cell);
    s = Object.keys(look).length > 0 ? ` s="${styles.lookXf(look)}"` : "";
    pair[dated] = s;
  }
  return s;
}

/** Column letters by index: every row asks for the same few. */
const letters: string[] = [];
export const lettersOf = (col: number): string => (letters[col] ??= columnLetter(col));

/**
 * A cell's XML after its reference, from the reference's closing quote on (`" s="3"><v>16</v></c>`),
 * or "" when the cell has neither value nor look. It does not depend on where the cell is, so
 * the rows of a sheet share it (the writers put `<c r="`, the letters and the row before it).
 */
export function cellTail(cell: OutCell, styles: StyleBook, date1904: boolean): string {
  const s = styleAttr(cell, styles);
  const v = cell.value;
  if (cell.link !== undefined && v !== null) {
    const text = typeof v === "object" ? v.date : String(v);
    const formula = hyperlinkFormula(cell.link.sheet, cell.link.address, text);
    return `"${s} t="str"><f>${excelText(formula)}</f><v>${excelText(text)}</v></c>`;
  }
  if (v === null) return s === "" ? "" : `"${s}/>`;
  if (typeof v === "string") return inlineTail(s, v);
  if (typeof v === "boolean") return `"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `"${s}><v>${v}</v></c>` : s === "" ? "" : `"${s}/>`;
  const day = isoToDay(v.date);
  if (day === null) return inlineTail(s, v.date);
  return `"${s}><v>${day + SERIAL_OF_EPOCH - (date1904 ? DAYS_1900_TO_1904 : 0)}</v></c>`;
}

/** One <c> element, or "" when the cell has neither value nor look. `p`: the part's element prefix. */
export function cellXml(row: number, col: number, cell: OutCell, styles: StyleBook, date1904: boolean, p = ""): string {
  const tail = cellTail(cell, styles, date1904);
  if (tail === "") return "";
  const xml = `<c r="${lettersOf(col)}${row}${tail}`;
  return p === "" ? xml : xml.replace(/<(\/?)(c|is|t|v|f)\b/g, `<$1${p}$2`);
}
