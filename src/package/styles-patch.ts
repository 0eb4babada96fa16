/**
 * New style records for the copy, appended to styles.xml: a marked cell keeps its own
 * record (font, border, number format, protection, quotePrefix...) with only the fill
 * changed, and each look of the output contract (src/core/output.ts) gets one record.
 * Existing records are never changed: other cells share them.
 */
import type { CellLook } from "../core/output";
import { attrs, escapeAttr, prefixOf, qualifiedName, tagsOf } from "./xml";

const LISTS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type ListName = (typeof LISTS)[number];
type Grown = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A minimal styles part for a package that has none: Excel's defaults. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** "#F8CBAD" -> "FFF8CBAD" (ARGB, as styles.xml holds colours). */
export const argbOf = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Sets (or adds) an attribute in a start tag's text. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:]/g, "\\:")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeAttr(value)}"`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

interface ListInfo {
  start: number;
  end: number;
  /** Where new items go: before the list's end tag. */
  insertAt: number;
  empty: boolean;
  count: number;
}

export class StyleBook {
  private readonly text: string;
  private readonly p: string;
  private readonly lists = new Map<ListName, ListInfo>();
  private readonly xfs: string[] = [];
  private font0 = "";
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly added: Record<Grown, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly cache = new Map<string, number>();
  private readonly rootEnd: number;

  constructor(text: string | null) {
    this.text = text ?? EMPTY_STYLES;
    const s = this.text;
    const tags = tagsOf(s);
    const root = tags.find((t) => t.name === "styleSheet" && !t.endTag);
    this.p = root !== undefined ? prefixOf(root.qname) : "";
    this.rootEnd = tags.find((t) => t.name === "styleSheet" && t.endTag)?.start ?? s.length;
    let depth = 0;
    let current: ListName | null = null;
    let itemStart = -1;
    for (const t of tags) {
      if (t.endTag) {
        depth--;
        const info = current !== null ? this.lists.get(current) : undefined;
        if (depth === 1 && info !== undefined) {
          info.end = t.end;
          info.insertAt = t.start;
          current = null;
        } else if (depth === 2 && current !== null && itemStart >= 0) {
          this.item(current, s.slice(itemStart, t.end));
          itemStart = -1;
        }
        continue;
      }
      if (depth === 1 && (LISTS as readonly string[]).includes(t.name)) {
        const name = t.name as ListName;
        this.lists.set(name, { start: t.start, end: t.end, insertAt: t.start, empty: t.empty, count: 0 });
        if (!t.empty) current = name;
      } else if (depth === 2 && current !== null) {
        const info = this.lists.get(current);
        if (info !== undefined) info.count++;
        if (t.name === "numFmt") {
          const a = attrs(s.slice(t.start, t.end));
          const id = Number(a.get("numFmtId"));
          this.customFormats.set(a.get("formatCode") ?? "", id);
          this.nextFormatId = Math.max(this.nextFormatId, id + 1);
        }
        if (t.empty) this.item(current, s.slice(t.start, t.end));
        else itemStart = t.start;
      }
      if (!t.empty) depth++;
    }
    if (this.font0 === "")
      this.font0 = `<${this.p}font><${this.p}sz val="11"/><${this.p}name val="Calibri"/></${this.p}font>`;
  }

  private item(list: ListName, raw: string): void {
    if (list === "cellXfs") this.xfs.push(raw);
    if (list === "fonts" && this.font0 === "")
      this.font0 = raw.endsWith("/>") ? raw.replace(/\s*\/>$/, "></font>") : raw;
  }

  private count(list: Grown): number {
    return (this.lists.get(list)?.count ?? 0) + this.added[list].length;
  }

  private add(list: Grown, raw: string): number {
    const key = `${list}\u0000${raw}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const index = list === "numFmts" ? -1 : this.count(list);
    this.added[list].push(raw);
    this.cache.set(key, index);
    return index;
  }

  private fill(hex: string): number {
    const p = this.p;
    return this.add(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argbOf(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** A cell's own record with the fill changed. */
  markXf(original: number, fillHex: string): number {
    const key = `mark\u0000${original}\u0000${fillHex}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const raw =
      this.xfs[original] ?? this.xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const openEnd = raw.indexOf(">") + 1;
    let open = raw.slice(0, openEnd);
    open = setAttr(setAttr(open, "fillId", String(this.fill(fillHex))), "applyFill", "1");
    const index = this.add("cellXfs", open + raw.slice(openEnd));
    this.cache.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.add("numFmts", `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private font(look: CellLook): number {
    if (look.bold !== true && look.fontSize === undefined && look.fontColor === undefined) return 0;
    const p = this.p;
    const body = this.font0
      .replace(/^<[^>]*>/, "")
      .replace(/<\/[^>]*>$/, "")
      .replace(/<([A-Za-z0-9_]+:)?(b|sz|color)\b[^>]*?\/>/g, "")
      .replace(/<([A-Za-z0-9_]+:)?color\b[^>]*>.*?<\/([A-Za-z0-9_]+:)?color>/g, "");
    const parts = [
      look.bold === true ? `<${p}b/>` : "",
      `<${p}sz val="${look.fontSize ?? this.baseSize()}"/>`,
      look.fontColor !== undefined ? `<${p}color rgb="${argbOf(look.fontColor)}"/>` : "",
    ];
    return this.add("fonts", `<${p}font>${parts.join("")}${body}</${p}font>`);
  }

  private baseSize(): string {
    return /<(?:[A-Za-z0-9_]+:)?sz\s+val="([^"]+)"/.exec(this.font0)?.[1] ?? "11";
  }

  private border(): number {
    const p = this.p;
    const side = (n: string): string => `<${p}${n} style="thin"><${p}color auto="1"/></${p}${n}>`;
    return this.add(
      "borders",
      `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
    );
  }

  /** The record for a look of the output contract (fonts, fills, borders and formats added as needed). */
  lookXf(look: CellLook): number {
    const key = `look\u0000${JSON.stringify(look)}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const fontId = this.font(look);
    const fillId = look.fill !== undefined ? this.fill(look.fill) : 0;
    const borderId = look.border === true ? this.border() : 0;
    const numFmtId = look.numberFormat !== undefined ? this.numFmt(look.numberFormat) : 0;
    const align =
      look.wrap === true || look.verticalAlign !== undefined
        ? `<${p}alignment${look.verticalAlign !== undefined ? ` vertical="${look.verticalAlign === "middle" ? "center" : "top"}"` : ""}${look.wrap === true ? ' wrapText="1"' : ""}/>`
        : "";
    const applied = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      fontId !== 0 ? ' applyFont="1"' : "",
      fillId !== 0 ? ' applyFill="1"' : "",
      borderId !== 0 ? ' applyBorder="1"' : "",
      align !== "" ? ' applyAlignment="1"' : "",
    ].join("");
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const index = this.add("cellXfs", align === "" ? `${open}/>` : `${open}>${align}</${p}xf>`);
    this.cache.set(key, index);
    return index;
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** The styles part with the new records appended and every list's count updated. */
  render(): string {
    const s = this.text;
    const edits: { at: number; end: number; text: string }[] = [];
    for (const list of ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const) {
      const items = this.added[list];
      if (items.length === 0) continue;
      const info = this.lists.get(list);
      const total = (info?.count ?? 0) + items.length;
      const q = this.p;
      if (info === undefined) {
        // The list is missing: it goes before the first list that follows it in schema order.
        const later = LISTS.slice(LISTS.indexOf(list) + 1)
          .map((l) => this.lists.get(l)?.start)
          .filter((x): x is number => x !== undefined);
        const at = later.length > 0 ? Math.min(...later) : this.rootEnd;
        edits.push({ at, end: at, text: `<${q}${list} count="${total}">${items.join("")}</${q}${list}>` });
      } else if (info.empty) {
        const open = setAttr(s.slice(info.start, info.end).replace(/\s*\/>$/, ">"), "count", String(total));
        edits.push({ at: info.start, end: info.end, text: `${open}${items.join("")}</${q}${list}>` });
      } else {
        const openEnd = s.indexOf(">", info.start) + 1;
        edits.push({
          at: info.start,
          end: openEnd,
          text: setAttr(s.slice(info.start, openEnd), "count", String(total)),
        });
        edits.push({ at: info.insertAt, end: info.insertAt, text: items.join("") });
      }
    }
    edits.sort((a, b) => a.at - b.at || a.end - b.end);
    let out = "";
    let pos = 0;
    for (const e of edits) {
      out += s.slice(pos, e.at) + e.text;
      pos = e.end;
    }
    return out + s.slice(pos);
  }
}

/** The qualified name helper re-exported for callers that build tags with the part's prefix. */
export { qualifiedName };
