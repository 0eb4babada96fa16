/**
 * The new-workbook writer: the package it writes is valid against the ECMA-376 schemas
 * (xmllint through ../shared/ooxml-xsd/validate-xlsx.py) and ExcelJS, an independent
 * reader, gets back every value, look, frozen pane, filter, print set-up and link.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { NewSheet } from "../../src/core/new-sheet";
import { SheetNameError, encodeTarget, workbookBytes, xmlText } from "../../src/package/write-workbook";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { validateXlsx } from "./validate";

const sample: NewSheet[] = [
  {
    sheetName: "Daftar & <Rekap>",
    rows: [
      [{ value: "Judul", style: "title" }],
      [
        { value: "Nama", style: "header" },
        { value: "TMT", style: "header" },
        { value: "Jumlah", style: "header" },
        { value: "Persen", style: "header" },
        { value: "Buka", style: "header" },
      ],
      [
        { value: 'Siti "Ani" & co' },
        { value: { date: "2020-03-12" }, numberFormat: "dd-mm-yyyy" },
        { value: 12, style: "error" },
        { value: 0.25, numberFormat: "0.0%" },
        { value: "C5", fileLink: { target: "sub dir/DLH (revisi).xlsx", location: "'Data Pegawai'!C5" } },
      ],
      [
        { value: "3171011203900001" },
        { value: null },
        { value: true, style: "ok" },
        { value: "", style: "warning" },
        { value: "ke sheet 2", link: { sheet: "Kedua", address: "B2" } },
      ],
      // After a blank row: outside the filtered table.
      [],
      [{ value: "Jumlah", style: "header" }, { value: null }, { value: 12 }],
    ],
    columnWidths: [30, 12, 10, 10, 14],
    layout: { freezeRows: 2, filterRow: 2, landscape: true, fitToWidth: true, repeatRows: { first: 1, last: 2 } },
  },
  {
    sheetName: "Kedua",
    rows: [[], [{ value: " spasi " }, { value: "muted", style: "muted" }]],
    columnWidths: [],
    layout: { fitToPage: true },
  },
];

describe("writeWorkbook", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ch-write-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("writes a package valid against the SpreadsheetML schemas", async () => {
    const file = path.join(dir, "valid.xlsx");
    writeFileSync(file, await workbookBytes(sample));
    // Workbook, two sheets, styles and shared strings: the validator counts the parts it checked.
    expect(validateXlsx(file)).toBe("ooxml: 5/5 parts valid");
  });

  test("ExcelJS reads back values, looks, panes, filter, print set-up and links", async () => {
    const file = path.join(dir, "read.xlsx");
    writeFileSync(file, await workbookBytes(sample));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Daftar & <Rekap>", "Kedua"]);
    const ws = wb.getWorksheet("Daftar & <Rekap>");
    if (ws === undefined) throw new Error("sheet missing");
    expect(ws.getCell("A1").value).toBe("Judul");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(13);
    expect(ws.getCell("A2").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A2").border?.top?.style).toBe("thin");
    expect(ws.getCell("A3").value).toBe('Siti "Ani" & co');
    // 2020-03-12 is Excel serial 43902; ExcelJS gives dates back as UTC.
    expect((ws.getCell("B3").value as Date).toISOString()).toBe("2020-03-12T00:00:00.000Z");
    expect(ws.getCell("B3").numFmt).toBe("dd-mm-yyyy");
    expect(ws.getCell("C3").value).toBe(12);
    expect(ws.getCell("C3").fill).toMatchObject({ fgColor: { argb: "FFF8CBAD" } });
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    // A 16-digit NIK stays text, every digit kept.
    expect(ws.getCell("A4").value).toBe("3171011203900001");
    expect(ws.getCell("C4").value).toBe(true);
    expect(ws.getCell("E3").value).toMatchObject({ text: "C5", hyperlink: "sub%20dir/DLH%20(revisi).xlsx" });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.autoFilter).toBe("A2:E4");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const second = wb.getWorksheet("Kedua");
    expect(second?.getCell("A2").value).toBe(" spasi ");
    expect(second?.getCell("B2").font?.color?.argb).toBe("FF595959");
  });

  test("the package's parts are the ones declared, links and print titles included", async () => {
    const parts = unzipSync(await workbookBytes(sample));
    expect(Object.keys(parts)[0]).toBe("[Content_Types].xml");
    const rels = strFromU8(parts["xl/worksheets/_rels/sheet1.xml.rels"]);
    expect(rels).toContain('Target="sub%20dir/DLH%20(revisi).xlsx" TargetMode="External"');
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(`<hyperlink ref="E3" r:id="rId1" location="'Data Pegawai'!C5"/>`);
    expect(sheet).toContain(`<hyperlink ref="E4" location="'Kedua'!B2"`);
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    expect(workbook).toContain(`localSheetId="0">'Daftar &amp; &lt;Rekap&gt;'!$1:$2</definedName>`);
    expect(workbook).toContain(`hidden="1">'Daftar &amp; &lt;Rekap&gt;'!$A$2:$E$4</definedName>`);
    expect(parts["xl/worksheets/_rels/sheet2.xml.rels"]).toBeUndefined();
  });

  test("the command line's zlib writes the same parts as the default fflate", async () => {
    const viaFflate = unzipSync(await workbookBytes(sample));
    const viaZlib = unzipSync(await workbookBytes(sample, NODE_CODEC));
    expect(Object.keys(viaZlib)).toEqual(Object.keys(viaFflate));
    for (const [name, bytes] of Object.entries(viaFflate)) expect(strFromU8(viaZlib[name])).toBe(strFromU8(bytes));
  });

  test("refuses sheet names Excel refuses", async () => {
    const bad = (name: string): NewSheet => ({ ...sample[1], sheetName: name });
    await expect(workbookBytes([bad("a/b")])).rejects.toThrow(SheetNameError);
    await expect(workbookBytes([bad("x".repeat(32))])).rejects.toThrow(SheetNameError);
    await expect(workbookBytes([bad("Data"), bad("DATA")])).rejects.toThrow(SheetNameError);
    await expect(workbookBytes([])).rejects.toThrow(SheetNameError);
  });

  test("XML text: markup escaped, control characters XML cannot hold dropped", () => {
    expect(xmlText('a<b>&"c"')).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(xmlText("Nama\u0001\u0008 Tab\tok\n")).toBe("Nama Tab\tok\n");
  });

  test("link targets: relative paths encoded per segment, URLs as they are", () => {
    expect(encodeTarget("a b\\c#1.xlsx")).toBe("a%20b/c%231.xlsx");
    expect(encodeTarget("https://example.org/x")).toBe("https://example.org/x");
    expect(encodeTarget("C:\\data\\x.xlsx")).toBe("C%3A/data/x.xlsx");
  });
});
