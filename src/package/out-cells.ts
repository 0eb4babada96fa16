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
 * Texts' XML after the reference and style, as made so far: a report's rows repeat a few
 * texts (a path, a unit, a sheet's name) on every row. The first texts met fill it and it
 * then stops growing, so unique names and NIKs cannot make it big.
 */
const inlineTails = new Map<string, string>();
const INLINE_TAILS_MAX = 4096;

function inline(ref: string, s: string, text: string): string {
  let tail = inlineTails.get(text);
  if (tail === undefined) {
    const cut = text.slice(0, MAX_CELL_TEXT);
    // xml:space only where it matters: it is a fifth of a short computed cell's bytes, on every row.
    const space = NEEDS_PRESERVE.test(cut) ? ' xml:space="preserve"' : "";
    tail = ` t="inlineStr"><is><t${space}>${SPECIAL.test(cut) ? excelText(cut) : cut}</t></is></c>`;
    if (inlineTails.size < INLINE_TAILS_MAX && text.length <= 256) inlineTails.set(text, tail);
  }
  return `<c r="${ref}"${s}${tail}`;
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

/** One <c> element, or "" when the cell has neither value nor look. `p`: the part's element prefix. */
export function cellXml(row: number, col: number, cell: OutCell, styles: StyleBook, date1904: boolean, p = ""): string {
  const ref = `${lettersOf(col)}${row}`;
  const s = styleAttr(cell, styles);
  const v = cell.value;
  let xml: string;
  if (cell.link !== undefined && v !== null) {
    const text = typeof v === "object" ? v.date : String(v);
    const formula = hyperlinkFormula(cell.link.sheet, cell.link.address, text);
    xml = `<c r="${ref}"${s} t="str"><f>${excelText(formula)}</f><v>${excelText(text)}</v></c>`;
  } else if (v === null) xml = s === "" ? "" : `<c r="${ref}"${s}/>`;
  else if (typeof v === "string") xml = inline(ref, s, v);
  else if (typeof v === "boolean") xml = `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  else if (typeof v === "number")
    xml = Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : s === "" ? "" : `<c r="${ref}"${s}/>`;
  else {
    const day = isoToDay(v.date);
    if (day === null) xml = inline(ref, s, v.date);
    else xml = `<c r="${ref}"${s}><v>${day + SERIAL_OF_EPOCH - (date1904 ? DAYS_1900_TO_1904 : 0)}</v></c>`;
  }
  return p === "" ? xml : xml.replace(/<(\/?)(c|is|t|v|f)\b/g, `<$1${p}$2`);
}
