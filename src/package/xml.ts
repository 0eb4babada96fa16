/**
 * A small streaming XML scanner, enough for the parts of a package: it cuts text into
 * tags and text runs and hands out offsets into its buffer, so a reader can pick the
 * few attributes it needs and the patcher can copy every byte it does not change. No
 * DOM, no namespace processing (element names are compared by local name, which is what
 * makes Strict OOXML read like Transitional). Measured faster here than an evented parser
 * that builds an attribute object per tag (see bench/bench.ts).
 */
import { PackageError } from "./errors";

export interface XmlHandler {
  /**
   * A start, end or empty-element tag: buf[start] is "<", buf[end - 1] is ">". May return
   * where scanning resumes (past `end`) when the handler consumed what follows itself
   * (a whole row or cell read with indexOf, much cheaper than one call per tag).
   */
  tag(buf: string, start: number, end: number): number | void;
  /** Character data between tags (entities not decoded). Never split across feeds. */
  text(buf: string, start: number, end: number): void;
  /** Comments, processing instructions, CDATA, doctype: `cdata` gives a CDATA section's content. */
  other?(buf: string, start: number, end: number, cdata: boolean): void;
  /** Called after each buffer is scanned: everything before `used` has been handed out. */
  chunkEnd?(buf: string, used: number): void;
}

export class XmlScanner {
  private rest = "";

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const buf = this.rest === "" ? chunk : this.rest + chunk;
    const used = scan(buf, this.handler);
    this.handler.chunkEnd?.(buf, used);
    this.rest = used === buf.length ? "" : buf.slice(used);
  }

  /** The end of the part: anything left must be white space or trailing text. */
  end(): void {
    const rest = this.rest;
    this.rest = "";
    if (rest === "") return;
    if (rest.includes("<")) throw new PackageError("damaged", "xml-damaged");
    this.handler.text(rest, 0, rest.length);
    this.handler.chunkEnd?.(rest, rest.length);
  }
}

const BANG = 33;
const QUESTION = 63;

/** Scans complete tokens; returns how far it got (the rest waits for the next chunk). */
function scan(buf: string, h: XmlHandler): number {
  let i = 0;
  const n = buf.length;
  // Next quote positions, recomputed only when passed: keeps quote search linear.
  let nextDq = -2;
  let nextSq = -2;
  while (i < n) {
    const lt = buf.indexOf("<", i);
    if (lt === -1) return i;
    if (lt > i) h.text(buf, i, lt);
    // "<" the last character: wait for more. Checked, not read past the end: a read past a
    // string's end costs optimized code a deoptimization and a recompile of this whole loop.
    if (lt + 1 >= n) return lt;
    const c1 = buf.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QUESTION) {
      let close: string;
      let from: number;
      let cdata = false;
      if (buf.startsWith("<!--", lt)) ((close = "-->"), (from = lt + 4));
      else if (buf.startsWith("<![CDATA[", lt)) ((close = "]]>"), (from = lt + 9), (cdata = true));
      else if (c1 === QUESTION) ((close = "?>"), (from = lt + 2));
      else if (n - lt < 9) return lt;
      else ((close = ">"), (from = lt + 2));
      const e = buf.indexOf(close, from);
      if (e === -1) return lt;
      if (cdata) h.other?.(buf, from, e, true);
      else h.other?.(buf, lt, e + close.length, false);
      i = e + close.length;
      continue;
    }
    let q = lt + 1;
    let end = -1;
    for (;;) {
      const gt = buf.indexOf(">", q);
      if (gt === -1) return lt;
      if (nextDq !== -1 && nextDq < q) nextDq = buf.indexOf('"', q);
      if (nextSq !== -1 && nextSq < q) nextSq = buf.indexOf("'", q);
      let quote = -1;
      if (nextDq !== -1 && nextDq < gt) quote = nextDq;
      if (nextSq !== -1 && nextSq < gt && (quote === -1 || nextSq < quote)) quote = nextSq;
      if (quote === -1) {
        end = gt + 1;
        break;
      }
      const closing = buf.indexOf(buf[quote] as string, quote + 1);
      if (closing === -1) return lt;
      q = closing + 1;
    }
    const resume = h.tag(buf, lt, end);
    i = typeof resume === "number" ? resume : end;
  }
  return i;
}

export const isNameEnd = (c: number): boolean => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** True for "</...>". */
export const isEndTag = (buf: string, start: number): boolean => buf.charCodeAt(start + 1) === 47;

/** True for "<.../>". */
export const isEmptyTag = (buf: string, end: number): boolean => buf.charCodeAt(end - 2) === 47;

/** The element's local name (prefix dropped): "x:row" and "row" are both "row". */
export function localName(buf: string, start: number): string {
  let s = start + 1;
  if (buf.charCodeAt(s) === 47) s++;
  let e = s;
  let colon = -1;
  for (;;) {
    const c = buf.charCodeAt(e);
    if (c !== c || isNameEnd(c)) break;
    if (c === 58) colon = e;
    e++;
  }
  return buf.slice(colon === -1 ? s : colon + 1, e);
}

/** The qualified name as written ("x:row"). */
export function qualifiedName(buf: string, start: number): string {
  let s = start + 1;
  if (buf.charCodeAt(s) === 47) s++;
  let e = s;
  for (;;) {
    const c = buf.charCodeAt(e);
    if (c !== c || isNameEnd(c)) break;
    e++;
  }
  return buf.slice(s, e);
}

/** The prefix of a qualified name with its colon ("x:"), or "". */
export const prefixOf = (qualified: string): string => {
  const colon = qualified.indexOf(":");
  return colon === -1 ? "" : qualified.slice(0, colon + 1);
};

/**
 * The number written in buf[from..to) (an attribute's value: a style index, a row number),
 * read digit by digit in place; anything but up to ten plain digits as Number() reads the text.
 */
export function numberIn(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || i - from > 9) return Number(buf.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}

/**
 * The raw (undecoded) value of attribute `name` in the tag buf[start..end), or null. `name`
 * is matched exactly as written, prefix included ("r:id").
 */
export function rawAttr(buf: string, start: number, end: number, name: string): string | null {
  const range = attrRange(buf, start, end, name);
  return range === null ? null : buf.slice(range[0], range[1]);
}

/**
 * Where the raw value of attribute `name` lies in buf[start..end): [first, after last], or
 * null. The same walk as rawAttr, without making strings (for the per-cell hot paths).
 */
export function attrRange(buf: string, start: number, end: number, name: string): [number, number] | null {
  for (let i = nextAttr(buf, afterTagName(buf, start, end), end); i !== -1; i = nextAttr(buf, i, end))
    if (attrNameEnd - attrNameStart === name.length && buf.startsWith(name, attrNameStart))
      return [attrValueStart, attrValueEnd];
  return null;
}

// The attribute nextAttr read last, as offsets into its buffer.
let attrNameStart = 0;
let attrNameEnd = 0;
let attrValueStart = 0;
let attrValueEnd = 0;

/**
 * Reads the next attribute of a tag ending before `end` from buf[i] on into the offsets above
 * and returns where the one after it may start, or -1 when there is none (or it is malformed).
 * Offsets, not a callback or an object: attrRange runs a few times for every row patched.
 */
function nextAttr(buf: string, i: number, end: number): number {
  for (;;) {
    while (i < end && isSpace(buf.charCodeAt(i))) i++;
    if (i >= end) return -1;
    const nameStart = i;
    while (i < end) {
      const c = buf.charCodeAt(i);
      if (c === 61 || isSpace(c) || c === 62 || c === 47) break;
      i++;
    }
    const nameEnd = i;
    while (i < end && isSpace(buf.charCodeAt(i))) i++;
    if (i >= end || buf.charCodeAt(i) !== 61) {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < end && isSpace(buf.charCodeAt(i))) i++;
    const quote = i < end ? buf.charCodeAt(i) : -1;
    if (quote !== 34 && quote !== 39) return -1;
    const close = buf.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close === -1 || close >= end) return -1;
    attrNameStart = nameStart;
    attrNameEnd = nameEnd;
    attrValueStart = i + 1;
    attrValueEnd = close;
    return close + 1;
  }
}

/** Where the attributes of the tag at buf[start] begin: after its name. */
function afterTagName(buf: string, start: number, end: number): number {
  let i = start + 1;
  while (i < end && !isNameEnd(buf.charCodeAt(i))) i++;
  return i;
}

/**
 * Walks the attributes of the tag buf[start..end) in order, handing each one's name and raw
 * value as offsets (no strings made) until `visit` returns false. Stops at a malformed one.
 */
export function walkAttrs(
  buf: string,
  start: number,
  end: number,
  visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean,
): void {
  for (let i = nextAttr(buf, afterTagName(buf, start, end), end); i !== -1; i = nextAttr(buf, i, end))
    if (!visit(attrNameStart, attrNameEnd, attrValueStart, attrValueEnd)) return;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function attr(buf: string, start: number, end: number, name: string): string | null {
  const raw = rawAttr(buf, start, end, name);
  return raw === null || raw.indexOf("&") === -1 ? raw : decodeEntities(raw);
}

/** Every attribute of a tag, decoded, in order: for the few parts read whole (workbook, rels). */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) out.set(m[1] as string, decodeEntities(m[3] ?? m[4] ?? ""));
  return out;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Excel writes control characters in text as "_x000D_" (and a literal "_x" as "_x005F_x"). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf("_x") === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

const ATTR_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex -- finding the characters XML 1.0 forbids is the point here
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for a cell or note: control characters written the way Excel does ("_x0001_"). */
export function excelText(s: string): string {
  // Most texts need nothing: one test instead of three replacements.
  // eslint-disable-next-line no-control-regex -- the same characters as NOT_XML, plus markup and "_x"
  if (!/[&<>_\u0000-\u001F\uFFFE\uFFFF]/.test(s)) return s;
  return escapeText(
    s
      .replace(/_x(?=[0-9A-Fa-f]{4}_)/g, "_x005F_x")
      .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`),
  );
}

/** Parses a whole (small) part into a flat list of tags, for workbook.xml, rels, content types. */
export function tagsOf(
  text: string,
): { name: string; qname: string; start: number; end: number; endTag: boolean; empty: boolean }[] {
  const out: { name: string; qname: string; start: number; end: number; endTag: boolean; empty: boolean }[] = [];
  const scanner = new XmlScanner({
    tag(buf, start, end) {
      out.push({
        name: localName(buf, start),
        qname: qualifiedName(buf, start),
        start,
        end,
        endTag: isEndTag(buf, start),
        empty: isEmptyTag(buf, end),
      });
    },
    text() {},
  });
  scanner.feed(text);
  scanner.end();
  return out;
}

/** The tag buf[start..end) with attribute `name` set to `value` (raw, already escaped): replaced in place or added last. */
export function tagWithAttr(buf: string, start: number, end: number, name: string, value: string): string {
  const range = attrRange(buf, start, end, name);
  if (range !== null) return buf.slice(start, range[0]) + value + buf.slice(range[1], end);
  const close = buf.charCodeAt(end - 2) === 47 ? end - 2 : end - 1;
  return `${buf.slice(start, close)} ${name}="${value}"${buf.slice(close, end)}`;
}
