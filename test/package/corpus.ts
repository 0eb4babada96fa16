/**
 * Workbooks made by code, part by part, with the features real OPD files carry and that
 * a rewrite through a library loses: a chart, a pivot cache, an external link, a threaded
 * comment, a VBA project, protection with passwords, x14 data validation, defined names,
 * custom properties, a calc chain, shared and array formulas, hidden rows and columns,
 * ISO date cells, inline strings, Strict OOXML, user cells beside the table, and a
 * user's own sheet named like the report. Every part is plain XML written here.
 */
import { strToU8, zipSync } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export type Parts = Record<string, string | Uint8Array>;

export function zipParts(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  // [Content_Types].xml first, as Excel writes it.
  for (const name of ["[Content_Types].xml", ...Object.keys(parts).filter((n) => n !== "[Content_Types].xml")]) {
    const v = parts[name];
    if (v !== undefined) files[name] = typeof v === "string" ? strToU8(v) : v;
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2024, 0, 2)) });
}

/** One personnel row: No, Nama, NIK (text, quotePrefix style 2), Tanggal Lahir (serial, style 1), TMT, Status. */
export interface Person {
  readonly name: string;
  readonly nik: string;
  readonly birth: number | string;
  readonly start: number | string;
  readonly status: string;
}

/** 1990-03-12 etc. as 1900-system serials (worked with Date.UTC / 86400000 + 25569). */
export const SERIAL = {
  d1990_03_12: 32944,
  d1988_07_05: 32329,
  d2015_01_01: 42005,
  d2024_01_01: 45292,
  d1992_11_20: 33928,
};

export const PEOPLE: readonly Person[] = [
  {
    name: "Andi Saputra",
    nik: "6471011203900001",
    birth: SERIAL.d1990_03_12,
    start: SERIAL.d2015_01_01,
    status: "Honorer",
  },
  {
    name: "Budi Santoso",
    nik: "6471010507880002",
    birth: SERIAL.d1988_07_05,
    start: SERIAL.d2024_01_01,
    status: "Honorer",
  },
  // An empty NIK: a "missing-value" error marked on C4 (a cell that exists, styled).
  { name: "Citra Lestari", nik: "", birth: SERIAL.d1992_11_20, start: SERIAL.d2015_01_01, status: "Honorer" },
];

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const inl = (ref: string, text: string, s = 0): string =>
  `<c r="${ref}"${s ? ` s="${s}"` : ""} t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
const num = (ref: string, v: number | string, s = 0): string =>
  typeof v === "number" ? `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>` : inl(ref, v, s);

export interface SheetOptions {
  /** Cell XML put right of the table (column H onwards) in data rows: user content. */
  readonly beside?: (row: number) => string;
  /** ISO date cells (t="d") instead of serials for the dates. */
  readonly isoDates?: boolean;
  /** Extra XML after sheetData (protection, validation, hyperlinks, drawing...), in schema order. */
  readonly after?: string;
  readonly before?: string;
  readonly hiddenRow?: boolean;
  readonly prefix?: string;
  readonly ns?: string;
}

/** A personnel sheet: header in row 1, people from row 2, columns A-F; a formula column G. */
export function personnelSheet(o: SheetOptions = {}): string {
  const p = o.prefix ?? "";
  const rows: string[] = [];
  rows.push(
    `<row r="1">${["No", "Nama", "NIK", "Tanggal Lahir", "TMT", "Status", "Hitung"].map((h, i) => inl(`${"ABCDEFG"[i]}1`, h, 3)).join("")}</row>`,
  );
  PEOPLE.forEach((person, i) => {
    const r = i + 2;
    const date = (ref: string, v: number | string): string =>
      o.isoDates === true && typeof v === "number"
        ? `<c r="${ref}" s="1" t="d"><v>${new Date((v - 25569) * 86400000).toISOString().slice(0, 10)}</v></c>`
        : num(ref, v, 1);
    // G: a shared formula (master in G2), G3 follows it, G4 is an array formula.
    const formula =
      r === 2
        ? `<c r="G2"><f t="shared" ref="G2:G3" si="0">A2*2</f><v>2</v></c>`
        : r === 3
          ? `<c r="G3"><f t="shared" si="0"/><v>4</v></c>`
          : `<c r="G4"><f t="array" ref="G4">SUM(A2:A3*1)</f><v>3</v></c>`;
    rows.push(
      `<row r="${r}"${o.hiddenRow === true && r === 3 ? ' hidden="1"' : ""}>${num(`A${r}`, i + 1)}${inl(`B${r}`, person.name)}${
        person.nik === "" ? `<c r="C${r}" s="2"/>` : `<c r="C${r}" s="2" t="s"><v>${i}</v></c>`
      }${date(`D${r}`, person.birth)}${date(`E${r}`, person.start)}${inl(`F${r}`, person.status)}${formula}${o.beside?.(r) ?? ""}</row>`,
    );
  });
  const body = `${o.before ?? ""}<cols><col min="2" max="2" width="24" customWidth="1"/><col min="3" max="3" width="20" customWidth="1" hidden="1"/></cols><sheetData>${rows.join("")}</sheetData>${o.after ?? ""}`;
  const withPrefix = p === "" ? body : body.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}:$2`);
  const root = p === "" ? "worksheet" : `${p}:worksheet`;
  return `${XML}<${root} xmlns${p === "" ? "" : `:${p}`}="${o.ns ?? MAIN}" xmlns:r="${REL}"><${p === "" ? "" : `${p}:`}dimension ref="A1:G4"/>${withPrefix}</${root}>`;
}

export const SHARED_STRINGS = `${XML}<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>${PEOPLE[0]?.nik}</t></si><si><r><t>${PEOPLE[1]?.nik.slice(0, 6)}</t></r><r><rPr><b/></rPr><t>${PEOPLE[1]?.nik.slice(6)}</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><si><t>unused</t></si></sst>`;

/** Styles: 0 default, 1 a date (dd-mm-yyyy, custom 164), 2 text with quotePrefix (a NIK typed with '), 3 bold header. */
export const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>`;

interface BookOptions {
  readonly sheets: readonly { name: string; xml: string; rels?: string; state?: string }[];
  readonly extraParts?: Parts;
  readonly extraOverrides?: string;
  readonly extraDefaults?: string;
  readonly workbookExtra?: { beforeSheets?: string; afterSheets?: string };
  readonly workbookRelsExtra?: string;
  readonly macro?: boolean;
  readonly date1904?: boolean;
  readonly rootRelsExtra?: string;
}

export function book(o: BookOptions): Uint8Array {
  const parts: Parts = {};
  const sheetTags = o.sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const n = o.sheets.length;
  parts["[Content_Types].xml"] =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${o.extraDefaults ?? ""}` +
    `<Override PartName="/xl/workbook.xml" ContentType="${o.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : `${CT}.sheet.main+xml`}"/>` +
    o.sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`)
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>${o.extraOverrides ?? ""}</Types>`;
  parts["_rels/.rels"] =
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>${o.rootRelsExtra ?? ""}</Relationships>`;
  parts["docProps/app.xml"] =
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;
  parts["xl/workbook.xml"] =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${o.date1904 ? ' date1904="1"' : ""}/>${o.workbookExtra?.beforeSheets ?? ""}<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetTags}</sheets>${o.workbookExtra?.afterSheets ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `${XML}<Relationships xmlns="${PKG_REL}">${o.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${o.workbookRelsExtra ?? ""}</Relationships>`;
  parts["xl/styles.xml"] = STYLES;
  parts["xl/sharedStrings.xml"] = SHARED_STRINGS;
  o.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    if (s.rels !== undefined)
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `${XML}<Relationships xmlns="${PKG_REL}">${s.rels}</Relationships>`;
  });
  Object.assign(parts, o.extraParts ?? {});
  return zipParts(parts);
}

const THREADED_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";

/** The workbook with every feature at once (an .xlsm: it has a VBA project). */
export function everythingBook(): Uint8Array {
  const sheetXml = personnelSheet({
    hiddenRow: true,
    after:
      `<sheetProtection algorithmName="SHA-512" hashValue="Yz1oYXNo" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>` +
      `<conditionalFormatting sqref="A2:A4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>2</formula></cfRule></conditionalFormatting>` +
      `<hyperlinks><hyperlink ref="B2" location="'Gaji'!A1" display="Gaji"/></hyperlinks>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<drawing r:id="rId1"/><legacyDrawing r:id="rId3"/>` +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Gaji!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F2:F4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
  });
  const gaji = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1"><f>[1]Gaji!$A$1</f><v>100</v></c><c r="B1"><f>BatasKontrak</f><v>45657</v></c></row></sheetData></worksheet>`;
  const userReport = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Catatan saya sendiri</t></is></c></row></sheetData></worksheet>`;
  const comments = `${XML}<comments xmlns="${MAIN}"><authors><author>tc={6A1B}</author></authors><commentList><comment ref="C4" authorId="0" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Cek lagi</t></text></comment></commentList></comments>`;
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>2</x:Column></x:ClientData></v:shape><br></xml>`;
  return book({
    macro: true,
    sheets: [
      {
        name: "Data Honorer",
        xml: sheetXml,
        rels: `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`,
      },
      { name: "Gaji", xml: gaji },
      { name: "CH Laporan", xml: userReport, state: "hidden" },
    ],
    workbookExtra: {
      beforeSheets: `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>`,
      afterSheets: `<externalReferences><externalReference r:id="rId20"/></externalReferences><definedNames><definedName name="BatasKontrak">Gaji!$B$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'Data Honorer'!$A$1:$F$4</definedName></definedNames><calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId21"/></pivotCaches>`,
    },
    workbookRelsExtra: `<Relationship Id="rId20" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rId21" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rId22" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rId23" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId24" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>`,
    rootRelsExtra: `<Relationship Id="rId3" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`,
    extraDefaults: `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
    extraOverrides:
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/>` +
      `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
      `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>` +
      `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="${CT}.externalLink+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.calcChain+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`,
    extraParts: {
      "xl/drawings/drawing1.xml": `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
      "xl/drawings/_rels/drawing1.xml.rels": `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/charts/chart1.xml": `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Data Honorer'!$A$2:$A$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
      "xl/comments1.xml": comments,
      "xl/drawings/vmlDrawing1.vml": vml,
      "xl/threadedComments/threadedComment1.xml": `${XML}<ThreadedComments xmlns="${THREADED_NS}"><threadedComment ref="C4" dT="2024-01-02T03:04:05.00" personId="{6A1B}" id="{0001}"><text>Cek lagi</text></threadedComment></ThreadedComments>`,
      "xl/persons/person.xml": `${XML}<personList xmlns="${THREADED_NS}"><person displayName="Operator" id="{6A1B}" userId="op" providerId="None"/></personList>`,
      "xl/externalLinks/externalLink1.xml": `${XML}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Gaji"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>100</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
      "xl/externalLinks/_rels/externalLink1.xml.rels": `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="gaji-2024.xlsx" TargetMode="External"/></Relationships>`,
      "xl/pivotCache/pivotCacheDefinition1.xml": `${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:F4" sheet="Data Honorer"/></cacheSource><cacheFields count="1"><cacheField name="Status" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
      "xl/pivotCache/pivotCacheRecords1.xml": `${XML}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`,
      "xl/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4, 5, 6, 7, 8]),
      "xl/calcChain.xml": `${XML}<calcChain xmlns="${MAIN}"><c r="G2" i="1"/><c r="A1" i="2"/></calcChain>`,
      "docProps/custom.xml": `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="OPD"><vt:lpwstr>Dinas Kesehatan</vt:lpwstr></property></Properties>`,
    },
  });
}

/** User cells beside the table (a note column in H, a COUNTIF in I): computed columns must not go there. */
export function besideBook(): Uint8Array {
  return book({
    sheets: [
      {
        name: "Pegawai",
        xml: personnelSheet({
          beside: (r) =>
            r === 2
              ? `<c r="I2"><f>COUNTIF(F2:F4,"Honorer")</f><v>3</v></c>`
              : r === 3
                ? inl("H3", "catatan saya")
                : "",
        }),
      },
    ],
  });
}

/** ISO date cells (t="d") in a 1904-system workbook: dates must read as themselves, not 1905. */
export function isoDateBook(): Uint8Array {
  return book({ date1904: true, sheets: [{ name: "Pegawai", xml: personnelSheet({ isoDates: true }) }] });
}

/** The same table in Strict OOXML, with prefixed elements. */
export function strictBook(): Uint8Array {
  const parts: Parts = {};
  const files = book({ sheets: [{ name: "Pegawai", xml: personnelSheet({ prefix: "x", ns: STRICT_MAIN }) }] });
  void files;
  parts["[Content_Types].xml"] =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`;
  parts["_rels/.rels"] =
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `${XML}<x:workbook xmlns:x="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><x:workbookPr/><x:sheets><x:sheet name="Pegawai" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${STRICT_REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${STRICT_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts["xl/styles.xml"] = STYLES.replace(MAIN, STRICT_MAIN);
  parts["xl/sharedStrings.xml"] = SHARED_STRINGS.replace(MAIN, STRICT_MAIN);
  parts["xl/worksheets/sheet1.xml"] = personnelSheet({ prefix: "x", ns: STRICT_MAIN });
  return zipParts(parts);
}
