/**
 * Writes a new .xlsx package from core sheets (NewSheet): content types, workbook,
 * relationships, styles holding the looks the sheets ask for, shared strings, and
 * worksheets with frozen rows, a filter, print set-up and hyperlinks. Platform-neutral:
 * sheets in, bytes out through the package's ZipWriter (fflate by default; the command
 * line passes Node's zlib, about three times faster); the command line and the task pane both use it.
 *
 * Element order follows the SpreadsheetML schema (sml.xsd), which Excel enforces.
 */
import type { OutValue } from "../core/annotations";
import { columnLetter } from "../core/cells";
import { dayToSerial, isoToDay } from "../core/days";
import { type NewCell, type NewSheet, filterLastRow } from "../core/new-sheet";
import { type CellLook, linkTarget, lookOfStyle, quotedSheet } from "../core/output";
import { type ByteSink, type Codec, FFLATE_CODEC, ZipWriter, concatBytes } from "./zip";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML 1.0 holds no control characters but tab, newline and carriage return, and not U+FFFE/U+FFFF. */
const isXmlChar = (code: number): boolean =>
  code === 9 || code === 10 || code === 13 || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);

/** Text as XML character data: escapes markup and drops characters XML cannot hold (a stray control code in a cell). */
export function xmlText(text: string): string {
  let clean = text;
  for (let i = 0; i < text.length; i++) {
    if (!isXmlChar(text.charCodeAt(i))) {
      clean = Array.from(text)
        .filter((ch) => isXmlChar(ch.charCodeAt(0)))
        .join("");
      break;
    }
  }
  return clean.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_767;

// ---- styles ----------------------------------------------------------------------------

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/**
 * The styles part, built from the looks the cells ask for: one font, fill and border
 * record per distinct look, one cell format (xf) per distinct combination.
 */
class StyleSheet {
  private readonly xfIndex = new Map<string, number>();
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Records(FONT_DEFAULT);
  private readonly fills = new Records(
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  );
  private readonly borders = new Records("<border><left/><right/><top/><bottom/><diagonal/></border>");

  constructor() {
    this.xfIndex.set("{}", 0);
  }

  private readonly byCell = new Map<string, number>();

  /** The xf index of a cell's style, number format and link (cached: the same few repeat on every row). */
  forCell(cell: NewCell): number {
    const link = cell.link !== undefined || cell.fileLink !== undefined;
    const key = `${cell.style ?? ""}|${cell.numberFormat ?? ""}|${link ? 1 : 0}`;
    let id = this.byCell.get(key);
    if (id === undefined) {
      const look = lookOfStyle(cell.style);
      id = this.index(cell.numberFormat === undefined ? look : { ...look, numberFormat: cell.numberFormat }, link);
      this.byCell.set(key, id);
    }
    return id;
  }

  /** The xf index of a look; a link is shown blue and underlined. */
  index(look: CellLook, link: boolean): number {
    const key = JSON.stringify({ ...look, link });
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const numFmtId = look.numberFormat === undefined ? 0 : this.numFmtId(look.numberFormat);
    const fontId = this.fonts.id(fontXml(look, link));
    const fillId =
      look.fill === undefined
        ? 0
        : this.fills.id(
            `<fill><patternFill patternType="solid"><fgColor rgb="${argb(look.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          );
    const borderId = look.border === true ? this.borders.id(`<border>${THIN}</border>`) : 0;
    const attrs = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${borderId}"`,
      'xfId="0"',
      ...(numFmtId !== 0 ? ['applyNumberFormat="1"'] : []),
      ...(fontId !== 0 ? ['applyFont="1"'] : []),
      ...(fillId !== 0 ? ['applyFill="1"'] : []),
      ...(borderId !== 0 ? ['applyBorder="1"'] : []),
    ];
    const align = [
      ...(look.verticalAlign === undefined ? [] : [`vertical="${look.verticalAlign === "middle" ? "center" : "top"}"`]),
      ...(look.wrap === true ? ['wrapText="1"'] : []),
    ];
    const xml =
      align.length > 0
        ? `<xf ${attrs.join(" ")} applyAlignment="1"><alignment ${align.join(" ")}/></xf>`
        : `<xf ${attrs.join(" ")}/>`;
    const id = this.xfXml.length;
    this.xfXml.push(xml);
    this.xfIndex.set(key, id);
    return id;
  }

  private numFmtId(format: string): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(format, id);
    }
    return id;
  }

  xml(): string {
    const numFmts =
      this.numFmts.size === 0
        ? ""
        : `<numFmts count="${this.numFmts.size}">${[...this.numFmts]
            .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
            .join("")}</numFmts>`;
    return (
      `${HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      this.fonts.xml("fonts") +
      this.fills.xml("fills") +
      this.borders.xml("borders") +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** Distinct XML records of one kind (fonts, fills, borders), numbered in order. */
class Records {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  constructor(...initial: string[]) {
    for (const xml of initial) this.id(xml);
  }

  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.list.length}">${this.list.join("")}</${tag}>`;
  }
}

const LINK_BLUE = "#0563C1";
const THIN = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>';

/** CT_Font: b, u, sz, color, name, family (a sequence of choices; Excel writes this order). */
function fontXml(look: CellLook, link: boolean): string {
  const color = link ? LINK_BLUE : look.fontColor;
  return (
    "<font>" +
    (look.bold === true ? "<b/>" : "") +
    (link ? "<u/>" : "") +
    `<sz val="${look.fontSize ?? 11}"/>` +
    (color === undefined ? "" : `<color rgb="${argb(color)}"/>`) +
    '<name val="Calibri"/><family val="2"/></font>'
  );
}
const FONT_DEFAULT = fontXml({}, false);

/** Formats Excel knows by number; writing them as custom formats would duplicate them. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10 };

// ---- shared strings --------------------------------------------------------------------

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((t) => {
      const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : "";
      return `<si><t${space}>${xmlText(t)}</t></si>`;
    });
    return `${HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

// ---- sheets ----------------------------------------------------------------------------

interface SheetParts {
  readonly xml: string;
  readonly rels: string | null;
}

function cellXml(ref: string, cell: NewCell, styles: StyleSheet, strings: SharedStrings): string {
  const s = styles.forCell(cell);
  const sAttr = s === 0 ? "" : ` s="${s}"`;
  const value: OutValue = cell.value;
  if (value === null || value === "") return s === 0 ? "" : `<c r="${ref}"${sAttr}/>`;
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${ref}"${sAttr}><v>${value}</v></c>` : `<c r="${ref}"${sAttr}/>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "object") {
    const day = isoToDay(value.date);
    if (day !== null) return `<c r="${ref}"${sAttr}><v>${dayToSerial(day)}</v></c>`;
    return `<c r="${ref}"${sAttr} t="s"><v>${strings.add(value.date)}</v></c>`;
  }
  return `<c r="${ref}"${sAttr} t="s"><v>${strings.add(value.slice(0, MAX_CELL_TEXT))}</v></c>`;
}

function sheetXml(sheet: NewSheet, index: number, styles: StyleSheet, strings: SharedStrings): SheetParts {
  const width = Math.max(1, sheet.columnWidths.length, ...sheet.rows.map((r) => r.length));
  const height = Math.max(1, sheet.rows.length);
  const rows: string[] = [];
  const links: string[] = [];
  const rels: string[] = [];
  sheet.rows.forEach((cells, r) => {
    const rowNumber = r + 1;
    const parts: string[] = [];
    cells.forEach((cell, c) => {
      const ref = `${columnLetter(c)}${rowNumber}`;
      const xml = cellXml(ref, cell, styles, strings);
      if (xml !== "") parts.push(xml);
      if (cell.link !== undefined) {
        const location = linkTarget(cell.link.sheet, cell.link.address);
        links.push(`<hyperlink ref="${ref}" location="${xmlText(location)}" display="${xmlText(location)}"/>`);
      } else if (cell.fileLink !== undefined) {
        const id = `rId${rels.length + 1}`;
        rels.push(
          `<Relationship Id="${id}" Type="${REL_TYPE}/hyperlink" Target="${xmlText(encodeTarget(cell.fileLink.target))}" TargetMode="External"/>`,
        );
        const location = cell.fileLink.location === null ? "" : ` location="${xmlText(cell.fileLink.location)}"`;
        links.push(`<hyperlink ref="${ref}" r:id="${id}"${location}/>`);
      }
    });
    if (parts.length > 0) rows.push(`<row r="${rowNumber}">${parts.join("")}</row>`);
  });

  const layout = sheet.layout ?? {};
  const freeze = layout.freezeRows ?? 0;
  // fitToPage: one page; fitToWidth: one page wide, as many down as needed (0 = automatic).
  const fit = layout.fitToPage === true ? { w: 1, h: 1 } : layout.fitToWidth === true ? { w: 1, h: 0 } : null;
  const sheetPr = fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const dimension = `<dimension ref="A1:${columnLetter(width - 1)}${height}"/>`;
  const selected = index === 0 ? ' tabSelected="1"' : "";
  const frozen =
    freeze > 0
      ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
      : "";
  const views = `<sheetViews><sheetView workbookViewId="0"${selected}>${frozen}</sheetView></sheetViews>`;
  const cols =
    sheet.columnWidths.length === 0
      ? ""
      : `<cols>${sheet.columnWidths
          .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
          .join("")}</cols>`;
  const data = rows.length === 0 ? "<sheetData/>" : `<sheetData>${rows.join("")}</sheetData>`;
  const range = filterRange(sheet);
  const filter = range === null ? "" : `<autoFilter ref="${range.ref}"/>`;
  const hyperlinks = links.length === 0 ? "" : `<hyperlinks>${links.join("")}</hyperlinks>`;
  const margins = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  // paperSize 9: A4, the usual paper in Indonesian offices.
  const setup =
    `<pageSetup paperSize="9" orientation="${layout.landscape === true ? "landscape" : "portrait"}"` +
    (fit !== null ? ` fitToWidth="${fit.w}" fitToHeight="${fit.h}"` : "") +
    "/>";
  const xml =
    `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    sheetPr +
    dimension +
    views +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    data +
    filter +
    hyperlinks +
    margins +
    setup +
    "</worksheet>";
  const relsXml =
    rels.length === 0 ? null : `${HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`;
  return { xml, rels: relsXml };
}

/** The filtered table of a sheet: its header row down to the first empty row, as wide as the header. */
function filterRange(sheet: NewSheet): { ref: string; absolute: string } | null {
  const header = sheet.layout?.filterRow;
  if (header === undefined) return null;
  const last = filterLastRow(sheet.rows, header);
  const column = columnLetter(Math.max(1, sheet.rows[header - 1]?.length ?? 1) - 1);
  return { ref: `A${header}:${column}${last}`, absolute: `$A$${header}:$${column}$${last}` };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function encodeTarget(target: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return target;
  return target
    .replace(/\\/g, "/")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

// ---- the package -----------------------------------------------------------------------

function workbookXml(sheets: readonly NewSheet[]): string {
  const entries = sheets
    .map((s, i) => `<sheet name="${xmlText(s.sheetName)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const names: string[] = [];
  // Excel keeps each filter's range and each sheet's print titles as built-in defined names.
  sheets.forEach((s, i) => {
    const range = filterRange(s);
    if (range !== null)
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quotedSheet(s.sheetName)}!${range.absolute}`)}</definedName>`,
      );
  });
  sheets.forEach((s, i) => {
    const repeat = s.layout?.repeatRows;
    if (repeat !== undefined)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quotedSheet(s.sheetName)}!$${repeat.first}:$${repeat.last}`)}</definedName>`,
      );
  });
  const defined = names.length === 0 ? "" : `<definedNames>${names.join("")}</definedNames>`;
  return (
    `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${entries}</sheets>${defined}<calcPr calcId="191029"/></workbook>`
  );
}

export class SheetNameError extends Error {}

/** The parts of a new workbook holding `sheets` in order: [part name, XML], content types first. */
function workbookParts(sheets: readonly NewSheet[]): [string, string][] {
  if (sheets.length === 0) throw new SheetNameError("A workbook needs at least one sheet.");
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.sheetName.toLowerCase();
    if (seen.has(key) || s.sheetName.length > 31 || s.sheetName.length === 0 || /[:\\/?*[\]]/.test(s.sheetName))
      throw new SheetNameError(`Sheet name not allowed in Excel: "${s.sheetName}"`);
    seen.add(key);
  }
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const files = new Map<string, string>();
  const put = (name: string, text: string): void => {
    files.set(name, text);
  };

  sheets.forEach((sheet, i) => {
    const parts = sheetXml(sheet, i, styles, strings);
    put(`xl/worksheets/sheet${i + 1}.xml`, parts.xml);
    if (parts.rels !== null) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, parts.rels);
  });
  put("xl/styles.xml", styles.xml());
  put("xl/sharedStrings.xml", strings.xml());
  put("xl/workbook.xml", workbookXml(sheets));

  const n = sheets.length;
  const workbookRels = [
    ...sheets.map(
      (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    ),
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>`,
  ];
  put(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${NS_PKG_REL}">${workbookRels.join("")}</Relationships>`,
  );
  put(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    ...sheets.map(
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
    ),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
  ];
  put(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join("")}</Types>`,
  );
  // Content types first, as Office writes them.
  const types = "[Content_Types].xml";
  return [[types, files.get(types) ?? ""], ...[...files].filter(([name]) => name !== types)];
}

/**
 * Writes a new workbook holding `sheets` in order to `sink`, part by part (the task pane
 * keeps the fflate default; the command line passes Node's zlib). Deflating the XML is most
 * of the writing time.
 */
export async function writeWorkbook(
  sheets: readonly NewSheet[],
  sink: ByteSink,
  codec: Codec = FFLATE_CODEC,
): Promise<void> {
  const parts = workbookParts(sheets);
  const zip = new ZipWriter(sink, codec);
  for (const [name, text] of parts) await zip.addText(name, text);
  await zip.finish();
}

/** The .xlsx bytes of a new workbook holding `sheets` in order. */
export async function workbookBytes(sheets: readonly NewSheet[], codec?: Codec): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeWorkbook(sheets, (chunk) => void chunks.push(chunk), codec);
  return concatBytes(chunks);
}
