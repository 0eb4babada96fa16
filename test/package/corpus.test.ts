/**
 * The annotated copy, part by part, on workbooks made by code with the features real OPD
 * files carry (test/package/corpus.ts). What is checked, for each workbook:
 *  - every input part is in the copy; parts the annotation has no reason to touch are
 *    byte-identical after decompression;
 *  - in each annotated sheet every original cell keeps its type, formula, cached value and
 *    (unless marked) its style; a marked cell's new style is its own record with only the
 *    fill changed (quotePrefix kept); every original element outside the cells is kept;
 *  - every part has a content type and every relationship a target; no part that was
 *    valid against the ECMA-376 schemas becomes invalid, and every new part is valid.
 */
import * as path from "path";
import { strFromU8 } from "fflate";
import { cellsOf, annotate, invalidParts, packageProblems, partsOf, textOf } from "./package-helpers";
import { SERIAL, besideBook, everythingBook, isoDateBook, strictBook } from "./corpus";
import { isPersonRow } from "../../src/core/results";

jest.setTimeout(60_000);
const OUT = path.join(__dirname, "..", ".out", "package-corpus");

/** Parts the patcher may change: the annotated sheets, their comments and VML, styles, the workbook's lists. */
function mayChange(name: string, annotatedSheets: readonly string[]): boolean {
  return (
    annotatedSheets.includes(name) ||
    annotatedSheets.some((s) => name === s.replace(/([^/]+)$/, "_rels/$1.rels")) ||
    /^xl\/(styles\.xml|workbook\.xml|_rels\/workbook\.xml\.rels)$/.test(name) ||
    name === "[Content_Types].xml" ||
    /^xl\/comments\d*\.xml$/.test(name) ||
    /\.vml$/.test(name)
  );
}

/** The elements of a sheet outside <sheetData>, <cols> and <dimension> (which may only grow). */
function outsideCells(xml: string): string[] {
  return (
    xml
      .replace(/<(\w+:)?sheetData[\s\S]*?<\/(\w+:)?sheetData>/, "")
      .replace(/<(\w+:)?cols>[\s\S]*?<\/(\w+:)?cols>/, "")
      .replace(/<(\w+:)?dimension [^>]*\/>/, "")
      .match(/<[^>]+>/g) ?? []
  );
}

const xfsOf = (styles: string): string[] =>
  (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g) ?? [];

async function expectKept(
  name: string,
  input: Uint8Array,
  sheetsChecked: readonly string[],
): Promise<{ copy: Record<string, Uint8Array>; result: Awaited<ReturnType<typeof annotate>>["result"] }> {
  const { copy, result } = await annotate(input);
  const before = partsOf(input);
  const after = partsOf(copy);
  // Every input part is present, and untouched ones are byte-identical.
  for (const part of Object.keys(before)) {
    expect({ part, present: after[part] !== undefined }).toEqual({ part, present: true });
    if (!mayChange(part, sheetsChecked))
      expect({
        part,
        same: Buffer.from(after[part] as Uint8Array).equals(Buffer.from(before[part] as Uint8Array)),
      }).toEqual({ part, same: true });
  }
  expect(packageProblems(after)).toEqual([]);
  // Each annotated sheet: cells kept (type, formula, value; style unless marked), other elements kept.
  const oldXfs = xfsOf(textOf(before, "xl/styles.xml"));
  const newXfs = xfsOf(textOf(after, "xl/styles.xml"));
  expect(newXfs.slice(0, oldXfs.length)).toEqual(oldXfs);
  for (const sheet of sheetsChecked) {
    const was = cellsOf(textOf(before, sheet));
    const now = cellsOf(textOf(after, sheet));
    for (const [ref, cell] of was) {
      const kept = now.get(ref);
      expect({ ref, t: kept?.t, f: kept?.f, v: kept?.v }).toEqual({ ref, t: cell.t, f: cell.f, v: cell.v });
      if (kept !== undefined && kept.s !== cell.s) {
        // A mark: the cell's own record with only the fill changed.
        const own = (oldXfs[Number(cell.s)] ?? "").replace(/\s(fillId|applyFill)="[^"]*"/g, "");
        const marked = (newXfs[Number(kept.s)] ?? "").replace(/\s(fillId|applyFill)="[^"]*"/g, "");
        expect({ ref, marked }).toEqual({ ref, marked: own });
      }
    }
    // A <legacyDrawing> is added only for a sheet that had none (it declares its own namespace prefix).
    expect(outsideCells(textOf(after, sheet)).filter((t) => !/xmlns:chr=/.test(t))).toEqual(
      outsideCells(textOf(before, sheet)),
    );
  }
  // Validity: nothing valid before is invalid after; every new part is valid.
  const v0 = await invalidParts(input, OUT, `${name}-in.xlsx`);
  const v1 = await invalidParts(copy, OUT, `${name}-out.xlsx`);
  expect(v1.invalid.filter((p) => !v0.invalid.includes(p))).toEqual([]);
  expect(v1.summary).toMatch(/^ooxml: \d+\/\d+ parts valid$/);
  return { copy: after, result };
}

test("every feature at once (.xlsm): all parts kept, macros kept, threaded-comment cell gets no note, user's 'CH Laporan' kept", async () => {
  const { copy, result } = await expectKept("everything", everythingBook(), ["xl/worksheets/sheet1.xml"]);
  // Macro workbook stays one: the workbook content type and the VBA part are kept.
  expect(textOf(copy, "[Content_Types].xml")).toContain(
    'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
  );
  expect(copy["xl/vbaProject.bin"]).toBeDefined();
  const workbook = textOf(copy, "xl/workbook.xml");
  // Protection, external reference, defined names, pivot caches: the original text is all there.
  for (const kept of [
    '<workbookProtection workbookAlgorithmName="SHA-512"',
    "<externalReferences>",
    '<definedName name="BatasKontrak">Gaji!$B$1</definedName>',
    "<pivotCaches>",
    '<sheet name="CH Laporan" sheetId="3" state="hidden" r:id="rId3"/>',
  ])
    expect(workbook).toContain(kept);
  // The report takes another name; the four new sheets come last, after the user's.
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  expect(names).toEqual([
    "Data Honorer",
    "Gaji",
    "CH Laporan",
    "CH Laporan (2)",
    "CH Ringkasan",
    "CH Rekap JP",
    "CH Jalur",
  ]);
  // C4 (empty NIK) is marked; its note is the threaded comment's placeholder, left as it was.
  const sheet = textOf(copy, "xl/worksheets/sheet1.xml");
  expect(cellsOf(sheet).get("C4")?.s).not.toBe("2");
  const placeholder = (xml: string): string => /<comment ref="C4"[\s\S]*?<\/comment>/.exec(xml)?.[0] ?? "";
  const original = strFromU8(partsOf(everythingBook())["xl/comments1.xml"] as Uint8Array);
  expect(placeholder(textOf(copy, "xl/comments1.xml"))).toBe(placeholder(original));
  expect(placeholder(original)).toContain("[Threaded comment]");
  // The user's VML (not well-formed: <br>) is untouched since no note was added.
  expect(textOf(copy, "xl/drawings/vmlDrawing1.vml")).toContain("<br></xml>");
  expect(result.summary.people).toBe(3);
});

test("user cells beside the table: no computed column is written over them; a coded issue says so", async () => {
  const { copy, result } = await expectKept("beside", besideBook(), ["xl/worksheets/sheet1.xml"]);
  const issue = result.issues.find((i) => i.code === "computed-columns-blocked");
  // Table A..G (G holds formulas, so lastColumnIndex may be F or G); H3 and I2 are the user's.
  expect(issue?.params).toEqual(expect.objectContaining({ sheet: "Pegawai" }));
  expect(String(issue?.params["columns"])).toMatch(/H|I/);
  const cells = cellsOf(textOf(copy, "xl/worksheets/sheet1.xml"));
  expect(cells.get("H3")?.v).toContain("catatan saya");
  expect(cells.get("I2")?.f).toContain("COUNTIF");
  expect([...cells.keys()].filter((r) => /^[J-Z]/.test(r))).toEqual([]);
  // The report sheet lists the issue.
  expect(textOf(copy, "xl/worksheets/sheet2.xml")).toContain("computed-columns-blocked");
});

test('ISO date cells (t="d") in a 1904 workbook read as their dates (issue 7 case 9), and computed dates are 1904 serials', async () => {
  const { copy, result } = await expectKept("iso-dates", isoDateBook(), ["xl/worksheets/sheet1.xml"]);
  const first = result.sheets[0]?.rows[0];
  expect(first !== undefined && isPersonRow(first) ? [first.birthDate, first.startDate] : null).toEqual([
    "1990-03-12",
    "2015-01-01",
  ]);
  // The computed "start as read" of row 2 is 2015-01-01: serial 42005 in 1900, 42005 - 1462 = 40543 in 1904.
  const cells = cellsOf(textOf(copy, "xl/worksheets/sheet1.xml"));
  const start = [...cells.entries()].find(
    ([ref, c]) => /^[H-Z]2$/.test(ref) && c.v === String(SERIAL.d2015_01_01 - 1462),
  );
  expect(start).toBeDefined();
});

test("Strict OOXML with prefixed elements: read, annotated, new parts in the Strict namespaces", async () => {
  const { copy, result } = await expectKept("strict", strictBook(), ["xl/worksheets/sheet1.xml"]);
  expect(result.summary.people).toBe(3);
  const sheet = textOf(copy, "xl/worksheets/sheet1.xml");
  expect(sheet).toMatch(/<x:c r="H1" s="\d+" t="inlineStr"><x:is><x:t/);
  expect(textOf(copy, "xl/_rels/workbook.xml.rels")).toContain(
    "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
  );
  expect(textOf(copy, "xl/workbook.xml")).toMatch(/<x:sheet name="CH Laporan" sheetId="2" r:id="rId\d+"\/>/);
});
