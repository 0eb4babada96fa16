/**
 * The workbook's own structure, read from the package: the content types, relationships,
 * the sheet list (names, order, visibility), the date system, styles (which cell formats
 * are dates) and the shared strings. Parts are found through relationships, never by
 * fixed names, so Strict OOXML and unusual writers read the same as Excel's own files.
 */
import { PackageError } from "./errors";
import {
  XmlScanner,
  attr,
  attrs,
  decodeEntities,
  decodeExcelEscapes,
  isEmptyTag,
  isEndTag,
  localName,
  tagsOf,
} from "./xml";
import { type ByteSource, type Codec, type ZipArchive, type ZipEntry, entryText, readZip, textChunks } from "./zip";
import { isDateFormat } from "../core/dates";
import { LABELS } from "../core/vocabulary";

export interface Relationship {
  readonly id: string;
  /** The type URI's last segment ("worksheet", "styles"...): Transitional and Strict agree on it. */
  readonly kind: string;
  readonly type: string;
  /** Resolved part name (no leading slash), or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** "worksheet" for a grid; chartsheets, dialog and macro sheets are kept but not read. */
  readonly kind: string;
  readonly part: string | null;
}

export interface WorkbookPackage {
  readonly zip: ZipArchive;
  readonly workbookPart: string;
  readonly workbookRelsPart: string;
  readonly relationships: readonly Relationship[];
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly strict: boolean;
  readonly stylesPart: string | null;
  readonly sharedStringsPart: string | null;
}

const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export function entryOf(zip: ZipArchive, part: string): ZipEntry | undefined {
  return zip.byName.get(part.toLowerCase());
}

export function partText(zip: ZipArchive, part: string): string {
  const entry = entryOf(zip, part);
  if (entry === undefined) throw new PackageError("missing-part", part);
  return entryText(zip, entry);
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split("#")[0] ?? "";
  const base = clean.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of clean.replace(/^\/+/, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(decodeURIComponent(seg));
  }
  return base.join("/");
}

export function parseRels(text: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  for (const t of tagsOf(text)) {
    if (t.name !== "Relationship" || t.endTag) continue;
    const a = attrs(text.slice(t.start, t.end));
    const type = a.get("Type") ?? "";
    const rawTarget = a.get("Target") ?? "";
    const external = a.get("TargetMode") === "External";
    out.push({
      id: a.get("Id") ?? "",
      type,
      kind: type.slice(type.lastIndexOf("/") + 1),
      target: external ? rawTarget : resolveTarget(sourcePart, rawTarget),
      external,
    });
  }
  return out;
}

/** The relationships of a part ([] when it has none). */
export function relsOf(zip: ZipArchive, part: string): Relationship[] {
  const relsPart = relsPartOf(part);
  const entry = entryOf(zip, relsPart);
  return entry === undefined ? [] : parseRels(entryText(zip, entry), part);
}

/** The relationship attribute of a tag ("r:id" under whatever prefix the part uses). */
export function relIdOf(a: ReadonlyMap<string, string>): string | undefined {
  for (const [key, value] of a) if (/^[^:]+:id$/.test(key)) return value;
  return undefined;
}

export function openPackage(bytes: Uint8Array | ByteSource, codec?: Codec): WorkbookPackage {
  const zip = readZip(bytes, codec);
  const root = relsOf(zip, "");
  const officeDocument = root.find((r) => r.kind === "officeDocument" && !r.external);
  const workbookPart = officeDocument?.target ?? "xl/workbook.xml";
  if (
    /\.bin$/i.test(workbookPart) ||
    (entryOf(zip, "xl/workbook.bin") !== undefined && entryOf(zip, workbookPart) === undefined)
  )
    throw new PackageError("binary-workbook");
  const workbookEntry = entryOf(zip, workbookPart);
  if (workbookEntry === undefined) throw new PackageError("not-workbook");
  const workbookName = workbookEntry.name;
  const text = entryText(zip, workbookEntry);
  const relationships = relsOf(zip, workbookName);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let strict = false;
  for (const t of tagsOf(text)) {
    if (t.endTag) continue;
    const tag = text.slice(t.start, t.end);
    if (t.name === "workbook") strict = tag.includes(STRICT_MAIN);
    else if (t.name === "workbookPr") {
      const v = attrs(tag).get("date1904");
      date1904 = v === "1" || v === "true";
    } else if (t.name === "sheet") {
      const a = attrs(tag);
      const relId = relIdOf(a) ?? "";
      const rel = byId.get(relId);
      const state = a.get("state");
      sheets.push({
        name: a.get("name") ?? "",
        sheetId: Number(a.get("sheetId") ?? 0),
        relId,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        kind: rel?.kind ?? "missing",
        part: rel !== undefined && !rel.external ? (entryOf(zip, rel.target)?.name ?? null) : null,
      });
    }
  }
  for (const s of sheets) if (s.kind === "worksheet" && s.part === null) throw new PackageError("missing-part", s.name);
  const partOf = (kind: string): string | null => {
    const rel = relationships.find((r) => r.kind === kind && !r.external);
    return rel !== undefined ? (entryOf(zip, rel.target)?.name ?? null) : null;
  };
  return {
    zip,
    workbookPart: workbookName,
    workbookRelsPart: relsPartOf(workbookName),
    relationships,
    sheets,
    date1904,
    strict,
    stylesPart: partOf("styles"),
    sharedStringsPart: partOf("sharedStrings"),
  };
}

// ---- shared strings ----------------------------------------------------------------------

const T_PRESERVE = '<t xml:space="preserve">';

/** Every shared string in order (appended to `out` when given), rich text flattened, phonetic runs left out. */
export function readSharedStrings(pkg: WorkbookPackage, out: string[] = []): string[] {
  if (pkg.sharedStringsPart === null) return out;
  const entry = entryOf(pkg.zip, pkg.sharedStringsPart);
  if (entry === undefined) return out;
  let parts: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  const scanner = new XmlScanner({
    tag(buf, start, end) {
      // As Excel writes most strings, `<si><t>text</t></si>` (or with xml:space): taken whole,
      // without a call per tag. Anything else (runs, phonetic text, CDATA) goes tag by tag.
      if (!inSi && end === start + 4 && buf.startsWith("<si>", start)) {
        const t = buf.startsWith("<t>", end) ? end + 3 : buf.startsWith(T_PRESERVE, end) ? end + T_PRESERVE.length : -1;
        const close = t !== -1 ? buf.indexOf("</t></si>", t) : -1;
        if (close !== -1 && buf.indexOf("<", t) === close) {
          out.push(decodeExcelEscapes(decodeEntities(buf.slice(t, close))));
          return close + 9;
        }
      }
      const name = localName(buf, start);
      const closing = isEndTag(buf, start);
      if (name === "si") {
        if (closing || isEmptyTag(buf, end)) {
          out.push(decodeExcelEscapes(decodeEntities(parts.join(""))));
          parts = [];
          inSi = false;
        } else inSi = true;
      } else if (name === "rPh") {
        if (!isEmptyTag(buf, end)) phonetic += closing ? -1 : 1;
      } else if (name === "t") inT = !closing && !isEmptyTag(buf, end);
    },
    text(buf, start, end) {
      if (inSi && inT && phonetic === 0) parts.push(buf.slice(start, end));
    },
    other(buf, start, end, cdata) {
      if (cdata && inSi && inT && phonetic === 0) parts.push(buf.slice(start, end).replace(/&/g, "&amp;"));
    },
  });
  textChunks(pkg.zip, entry, (chunk) => scanner.feed(chunk));
  scanner.end();
  return out;
}

// ---- styles --------------------------------------------------------------------------------

/** Built-in number formats that show dates or times (ECMA-376 18.8.30; 27-36 and 50-58 are East Asian dates). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Codes of the other built-in formats, so the engine sees "0" or "@" as ExcelJS gave them. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface CellFormats {
  /** Per cellXfs index: the number format code, undefined for General. */
  readonly codes: readonly (string | undefined)[];
  /** Per cellXfs index: true when the format shows a date. */
  readonly dates: readonly boolean[];
}

export function readCellFormats(pkg: WorkbookPackage): CellFormats {
  const codes: (string | undefined)[] = [];
  const dates: boolean[] = [];
  if (pkg.stylesPart === null) return { codes, dates };
  const text = partText(pkg.zip, pkg.stylesPart);
  const custom = new Map<number, string>();
  let inCellXfs = false;
  for (const t of tagsOf(text)) {
    if (t.name === "cellXfs") inCellXfs = !t.endTag && !t.empty;
    else if (t.name === "numFmt" && !t.endTag) {
      const a = attrs(text.slice(t.start, t.end));
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    } else if (t.name === "xf" && inCellXfs && !t.endTag) {
      const id = Number(attr(text, t.start, t.end, "numFmtId") ?? 0);
      const code = custom.get(id) ?? BUILTIN_FORMATS[id];
      codes.push(code);
      dates.push(custom.has(id) ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id));
    }
  }
  return { codes, dates };
}

/** The report sheets' base names in both languages; a copy may carry them with " (2)" when the user had one. */
const REPORT_BASES = (["sheetReport", "sheetSummary"] as const).map((k) =>
  [LABELS[k].id, LABELS[k].en].map((n) => n.toLowerCase()),
);

/**
 * True for a workbook this tool wrote: it holds both the report and the summary sheet
 * (a user's lone sheet called "CH Laporan" does not make a copy).
 */
export function isOwnOutput(pkg: WorkbookPackage): boolean {
  const names = pkg.sheets.map((s) => s.name.toLowerCase().replace(/ \(\d+\)$/, ""));
  return REPORT_BASES.every((bases) => names.some((n) => bases.includes(n)));
}

/** True when the workbook part has the macro-enabled content type (an .xlsm). */
export function isMacroEnabled(pkg: WorkbookPackage): boolean {
  const types = entryOf(pkg.zip, "[Content_Types].xml");
  if (types === undefined) return false;
  const text = entryText(pkg.zip, types);
  const override = [...text.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)].find((m) =>
    new RegExp(`PartName="/${pkg.workbookPart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(m[0]),
  );
  return override !== undefined && /macroEnabled/i.test(override[0]);
}
