/**
 * The copy of a sheet does not depend on where the scanner's buffers end. Real sheets are
 * scanned a megabyte at a time, so a row or cell crossing a buffer end (the tag-by-tag
 * path) happens about once a megabyte; here the buffers are shrunk to a few characters so
 * that nearly every row and cell crosses one, and the sheet's XML must come out the same as
 * when each part is scanned in one piece. Both ways of getting the text are covered: the
 * text kept from the check (with its ASCII bytes copied as they are) and a fresh inflate.
 */
import { strFromU8 } from "fflate";
import { SHEET_SCAN } from "../../src/package/sheet-patch";
import { book, personnelSheet } from "./corpus";
import { annotate, partsOf } from "./package-helpers";

const WHOLE = SHEET_SCAN.sliceBytes;
afterEach(() => {
  SHEET_SCAN.sliceBytes = WHOLE;
});

/**
 * I and J: empty styled cells where computed columns go (replaced; J with an empty value, so
 * it has an end tag to skip); Z: the user's note beside, non-ASCII when asked.
 */
const beside =
  (text: string) =>
  (r: number): string =>
    `<c r="I${r}" s="3"/><c r="J${r}" s="3"><v></v></c><c r="Z${r}" t="inlineStr"><is><t>${text} ${r}</t></is></c>`;

const BOOKS: Record<string, Uint8Array> = {
  ascii: book({ sheets: [{ name: "Data", xml: personnelSheet({ beside: beside("Catatan") }) }] }),
  "non-ASCII": book({ sheets: [{ name: "Data", xml: personnelSheet({ beside: beside("Catatan ké") }) }] }),
  prefixed: book({ sheets: [{ name: "Data", xml: personnelSheet({ prefix: "x" }) }] }),
};

const sheetOf = (copy: Uint8Array): string => strFromU8(partsOf(copy)["xl/worksheets/sheet1.xml"] as Uint8Array);

describe.each(Object.keys(BOOKS))("%s sheet", (name) => {
  const input = BOOKS[name] as Uint8Array;

  test.each([1, 7, 100, 4096])(
    "held in pieces of %i bytes (as the command line holds sheets): the same sheet",
    async (pieceBytes) => {
      const whole = sheetOf((await annotate(input)).copy);
      expect(sheetOf((await annotate(input, { pieceBytes })).copy)).toBe(whole);
    },
  );

  test("the copy has its computed columns and marks, the replaced cell gone", async () => {
    const sheet = sheetOf((await annotate(input)).copy);
    const p = name === "prefixed" ? "x:" : "";
    // Row 2 gets the computed cells from H; row 4 (empty NIK) gets its mark on C4's own cell.
    expect(sheet).toMatch(new RegExp(`<${p}c r="H2"`));
    expect(sheet).toMatch(new RegExp(`<${p}c r="C4" s="(\\d+)"/>`));
    expect(sheet).not.toMatch(/<c r="C4" s="2"\/>/);
    if (name !== "prefixed") {
      expect(sheet).not.toContain('<c r="I2" s="3"/>');
      expect(sheet).not.toContain('<c r="J2" s="3"><v></v></c>');
      expect(sheet).toContain(`<c r="Z2" t="inlineStr">`);
    }
  });

  test.each([
    [7, true],
    [7, false],
    [64, true],
    [301, false],
  ])("scanned %i bytes at a time (text kept from the check: %s): the same sheet", async (slice, keep) => {
    const whole = sheetOf((await annotate(input)).copy);
    SHEET_SCAN.sliceBytes = slice;
    expect(sheetOf((await annotate(input, { keepTexts: keep })).copy)).toBe(whole);
  });
});

/**
 * Rows not written as Excel writes them: the copy finds a marked cell by its reference when
 * it can, and must come out the same as when every cell is met tag by tag. Reordered: s
 * before r in every cell with both (C4, the empty NIK the check marks, among them). No
 * references: A and B without r, so the cells after them are placed by counting.
 */
const VARIANTS: Record<string, Uint8Array> = {
  reordered: book({
    sheets: [{ name: "Data", xml: personnelSheet().replace(/<c r="([A-Z]+\d+)" s="(\d+)"/g, '<c s="$2" r="$1"') }],
  }),
  "no references": book({
    sheets: [{ name: "Data", xml: personnelSheet().replace(/<c r="[AB]\d+"/g, "<c") }],
  }),
  // A comment in row 2 and a CDATA section in row 3 that look like a row's and a cell's end:
  // the copy must take them as text (rows holding one are copied tag by tag).
  "comments and CDATA": book({
    sheets: [
      {
        name: "Data",
        xml: personnelSheet()
          .replace('<c r="B2"', '<!-- </row><c r="C2"/> --><c r="B2"')
          .replace(/(<c r="F3"[^>]*>)<is><t>([^<]*)<\/t>/, "$1<is><t><![CDATA[$2 </c></row>]]></t>"),
      },
    ],
  }),
};

describe.each(Object.keys(VARIANTS))("%s cells", (name) => {
  const input = VARIANTS[name] as Uint8Array;

  test("the empty NIK's cell gets its mark, in place", async () => {
    const sheet = sheetOf((await annotate(input)).copy);
    if (name === "comments and CDATA") {
      expect(sheet).toContain('<!-- </row><c r="C2"/> -->');
      expect(sheet).toMatch(/<!\[CDATA\[[^\]]* <\/c><\/row>\]\]>/);
      // Row 2 and 3 each get their computed cells once, after their own last cell.
      expect(sheet.match(/<c r="H2"/g)).toHaveLength(1);
      expect(sheet.match(/<c r="H3"/g)).toHaveLength(1);
    }
    const c4 = name === "reordered" ? /<c s="(\d+)" r="C4"\/>/ : /<c r="C4" s="(\d+)"\/>/;
    expect(sheet.match(c4)?.[1]).toMatch(/^(?!2$)\d+$/);
    expect(sheet.match(/<c [^>]*r="C4"/g)).toHaveLength(1);
    expect(sheet).toMatch(/<c r="H2"/);
  });

  test.each([7, 64])("scanned %i bytes at a time: the same sheet", async (slice) => {
    const whole = sheetOf((await annotate(input)).copy);
    SHEET_SCAN.sliceBytes = slice;
    expect(sheetOf((await annotate(input)).copy)).toBe(whole);
  });
});

/**
 * spans as Excel writes it ("1:7" on every row): the last column grows to the last computed
 * one on the rows that get cells, only the number after the colon changing; a value that is
 * not plain digits is read as Number() reads it; a spans without a colon, or already wide
 * enough, is left as it is.
 */
test("a row's spans grows to its last computed column, the rest of its tag as it was", async () => {
  const spans: Record<number, string> = { 1: "1:7", 2: "1:7", 3: "1: 7", 4: "2" };
  const xml = personnelSheet().replace(
    /<row r="(\d)"/g,
    (_, r: string) => `<row r="${r}" spans="${spans[Number(r)]}" ht="15"`,
  );
  const input = book({ sheets: [{ name: "Data", xml }] });
  const sheet = sheetOf((await annotate(input)).copy);
  const last = (r: number): string => {
    const row = sheet.match(new RegExp(`<row r="${r}"[^>]*>(.*?)</row>`))?.[1] ?? "";
    return [...row.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]).pop() ?? "";
  };
  const column = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const width = column(last(2));
  expect(width).toBeGreaterThan(7);
  expect(sheet).toContain(`<row r="1" spans="1:${column(last(1))}" ht="15">`);
  expect(sheet).toContain(`<row r="2" spans="1:${width}" ht="15">`);
  expect(sheet).toContain(`<row r="3" spans="1:${column(last(3))}" ht="15">`);
  expect(sheet).toContain('<row r="4" spans="2" ht="15">');
  // Scanned a few bytes at a time (rows met tag by tag): the same.
  SHEET_SCAN.sliceBytes = 7;
  expect(sheetOf((await annotate(input)).copy)).toBe(sheet);
});
