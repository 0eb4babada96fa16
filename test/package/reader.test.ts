/**
 * The package reader: cells as Excel holds them (worked by hand below), dates by the
 * workbook's date system and the cell's number format, and a coded error for every kind
 * of file it cannot read.
 */
import { strToU8, zipSync } from "fflate";
import type { Cell } from "../../src/core/cells";
import { PackageError } from "../../src/package/errors";
import {
  PieceDecoder,
  SHEET_READ,
  heldBytes,
  isoToSerial,
  readSheetMerges,
  readSheetRows,
} from "../../src/package/sheet-reader";
import { openPackage, readCellFormats, readSharedStrings } from "../../src/package/workbook";
import { readZip } from "../../src/package/zip";
import { MAIN, STYLES, book, isoDateBook, personnelSheet, strictBook } from "./corpus";

function rows(bytes: Uint8Array, sheetIndex = 0, text?: string): Map<number, Cell[]> {
  // A text given is read as a part held for the check (in slices of SHEET_READ.sliceBytes).
  const held = text !== undefined ? heldBytes(strToU8(text)) : undefined;
  const pkg = openPackage(bytes);
  const ctx = { sharedStrings: readSharedStrings(pkg), formats: readCellFormats(pkg), date1904: pkg.date1904 };
  const out = new Map<number, Cell[]>();
  readSheetRows(pkg, pkg.sheets[sheetIndex]?.part as string, ctx, (r, cells) => out.set(r, cells), held);
  return out;
}

const sheetWith = (cells: string): string =>
  `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row></sheetData><mergeCells count="1"><mergeCell ref="A3:C4"/></mergeCells></worksheet>`;

test("every cell type: shared (rich text, phonetic left out), inline, str, bool, error, number, ISO date", () => {
  const got = rows(
    book({
      sheets: [
        {
          name: "S",
          xml: sheetWith(
            `<c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>Ba</t></r><r><t xml:space="preserve">gus _x000D_</t></r></is></c><c r="C1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1"><v>2.5</v></c><c r="G1" t="d"><v>1990-03-12</v></c><c r="H1"><f>1/0</f></c><c r="J1" s="1"><v>45292</v></c><c r="K1" s="2" t="s"><v>0</v></c>`,
          ),
        },
      ],
    }),
  ).get(1);
  // Shared string 1 is "647101" + "0507880002" in two runs, with a phonetic run "x" that is not text.
  // 1990-03-12: Date.UTC(1990, 2, 12) / 86400000 = 7375 days after 1970-01-01, + 25569 = 32944.
  // J1 has style 1 (custom format 164 "dd\-mm\-yyyy"): a date. K1 has style 2 (format 49 "@").
  expect(got).toEqual([
    { t: "s", v: "6471010507880002" },
    { t: "s", v: "Bagus \r" },
    { t: "s", v: "xy" },
    { t: "b", v: true },
    { t: "e", v: "#N/A" },
    { t: "n", v: 2.5 },
    { t: "d", v: 32944 },
    null,
    null,
    { t: "d", v: 45292, format: "dd\\-mm\\-yyyy" },
    { t: "s", v: "6471011203900001", format: "@" },
  ]);
});

test('ISO date cells (t="d") read as their own day, not 1905 (issue 7 case 9), also in a 1904 workbook', () => {
  const got = rows(isoDateBook()).get(2);
  // Andi: born 1990-03-12 (serial 32944), started 2015-01-01 (42005); ISO values do not depend on the date system.
  expect(got?.[3]).toEqual({ t: "d", v: 32944, format: "dd\\-mm\\-yyyy" });
  expect(got?.[4]).toEqual({ t: "d", v: 42005, format: "dd\\-mm\\-yyyy" });
  expect(isoToSerial("2024-02-29T12:00:00")).toBe(45351.5);
  expect(isoToSerial("2023-02-29")).toBeNull();
});

test("the 1904 date system: a serial is moved to the 1900 system (+1462 days)", () => {
  // 30582 in 1904 = 1987-09-24 (30582 + 1462 = 32044, which is 1987-09-24 in the 1900 system).
  const got = rows(
    book({ date1904: true, sheets: [{ name: "S", xml: sheetWith(`<c r="A1" s="1"><v>30582</v></c>`) }] }),
  ).get(1);
  expect(got?.[0]).toEqual({ t: "d", v: 32044, format: "dd\\-mm\\-yyyy" });
});

test("built-in date formats 14-22 and 45-47 are dates; 0-13 and 49 are not", () => {
  const xfs = [0, 1, 14, 15, 22, 45, 47, 49]
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
    .join("");
  const styles = STYLES.replace(/<cellXfs count="4">[\s\S]*?<\/cellXfs>/, `<cellXfs count="8">${xfs}</cellXfs>`);
  const bytes = book({ sheets: [{ name: "S", xml: sheetWith("") }] });
  const pkg = openPackage(bytes);
  void pkg;
  const withStyles = book({ sheets: [{ name: "S", xml: sheetWith("") }], extraParts: { "xl/styles.xml": styles } });
  expect(readCellFormats(openPackage(withStyles)).dates).toEqual([false, false, true, true, true, true, true, false]);
});

test("Strict OOXML with prefixed elements reads like Transitional; merged cells are found after the rows", () => {
  const strict = rows(strictBook());
  expect(strict.get(1)?.[1]).toEqual({ t: "s", v: "Nama" });
  expect(strict.get(2)?.[3]).toEqual({ t: "d", v: 32944, format: "dd\\-mm\\-yyyy" });
  const pkg = openPackage(book({ sheets: [{ name: "S", xml: sheetWith("") }] }));
  expect(readSheetMerges(pkg, "xl/worksheets/sheet1.xml")).toEqual([{ top: 3, left: 1, bottom: 4, right: 3 }]);
});

test("hidden rows are read like others (the engine decides what they hold)", () => {
  const got = rows(book({ sheets: [{ name: "S", xml: personnelSheet({ hiddenRow: true }) }] }));
  expect(got.get(3)?.[1]).toEqual({ t: "s", v: "Budi Santoso" });
});

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof PackageError) return error.detail !== undefined ? `${error.code}:${error.detail}` : error.code;
    return `not coded: ${String(error)}`;
  }
  return "no error";
}

test("files it cannot read get a coded reason, never a library exception", () => {
  const good = book({ sheets: [{ name: "S", xml: sheetWith("") }] });
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const encrypted = ole.slice();
  encrypted.set(strToU8("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"), 512);
  const missingSheet = zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet9.xml"/></Relationships>`,
    ),
  });
  expect(codeOf(() => openPackage(new Uint8Array(0)))).toBe("empty");
  expect(codeOf(() => openPackage(ole))).toBe("old-xls");
  expect(codeOf(() => openPackage(encrypted))).toBe("encrypted");
  expect(codeOf(() => openPackage(strToU8("NIK,NAMA\n1,2\n")))).toBe("not-zip");
  expect(codeOf(() => openPackage(good.slice(0, good.length - 30)))).toMatch(/^damaged:/);
  expect(codeOf(() => openPackage(zipSync({ "a.txt": strToU8("x") })))).toBe("not-workbook");
  expect(codeOf(() => openPackage(zipSync({ "xl/workbook.bin": strToU8("x") })))).toBe("binary-workbook");
  expect(codeOf(() => openPackage(missingSheet))).toBe("missing-part:S");
  // A damaged deflate stream inside the sheet part.
  const damaged = good.slice();
  const at = Buffer.from(damaged).indexOf(Buffer.from("xl/worksheets/sheet1.xml"));
  for (let i = at + 30; i < at + 60; i++) damaged[i] = 0xff;
  expect(codeOf(() => rows(damaged))).toMatch(/^damaged:entry-damaged$|^damaged:/);
});

test("Zip64: an archive whose end record points to a Zip64 directory reads the same", () => {
  const plain = book({ sheets: [{ name: "S", xml: sheetWith(`<c r="A1"><v>7</v></c>`) }] });
  // Rewrite the end record the way a Zip64 writer leaves it: counts 0xFFFF and offsets 0xFFFFFFFF,
  // with the real values in a Zip64 end record and its locator placed just before it.
  const v = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const end = plain.length - 22;
  const count = v.getUint16(end + 10, true);
  const size = v.getUint32(end + 12, true);
  const offset = v.getUint32(end + 16, true);
  const z = new Uint8Array(plain.length + 76);
  z.set(plain.subarray(0, end));
  const w = new DataView(z.buffer);
  w.setUint32(end, 0x06064b50, true);
  w.setBigUint64(end + 4, 44n, true);
  w.setBigUint64(end + 24, BigInt(count), true);
  w.setBigUint64(end + 32, BigInt(count), true);
  w.setBigUint64(end + 40, BigInt(size), true);
  w.setBigUint64(end + 48, BigInt(offset), true);
  w.setUint32(end + 56, 0x07064b50, true);
  w.setBigUint64(end + 64, BigInt(end), true);
  w.setUint32(end + 72, 1, true);
  const e = end + 76;
  w.setUint32(e, 0x06054b50, true);
  w.setUint16(e + 8, 0xffff, true);
  w.setUint16(e + 10, 0xffff, true);
  w.setUint32(e + 12, 0xffffffff, true);
  w.setUint32(e + 16, 0xffffffff, true);
  expect(readZip(z).entries.length).toBe(count);
  expect(rows(z).get(1)).toEqual([{ t: "n", v: 7 }]);
});

test("rows read the same wherever the text is cut (cells read straight and cells read tag by tag)", () => {
  // Cells as Excel writes most (read straight), and others that must be read tag by tag:
  // attributes in another order, inline and rich text, formulas, <v/>, white space between
  // cells, a cell without r, an empty row, entities in a value.
  const row = (r: number): string =>
    `<row r="${r}" spans="1:9"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}" s="1"><v>45292</v></c>` +
    `<c t="str" r="D${r}"><v>a &amp; b ${r}</v></c><c r="E${r}" t="inlineStr"><is><t>Nama ${r} ké 😀</t></is></c>` +
    `<c r="F${r}"><f>A${r}*2</f><v>${2 * r}</v></c><c r="G${r}" s="2"/>  <c r="H${r}"><v/></c><c><v>9</v></c>` +
    `<c r="J${r}" t="b"><v>1</v></c></row>${r % 3 === 0 ? `<row r="${r + 1000}"/>` : ""}`;
  const xml = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${Array.from({ length: 40 }, (_, i) => row(i + 2)).join("")}</sheetData></worksheet>`;
  const bytes = book({ sheets: [{ name: "S", xml }] });
  const whole = rows(bytes, 0, xml);
  // Worked by hand for row 2: A a number, B shared string 0 (the first person's NIK in corpus.ts), C a date (style 1), D text with its
  // entity decoded, E inline, F a formula's cached value, G style only (no cell), H an empty
  // value (no cell), I (no r: placed after H) 9, J true.
  expect(whole.get(2)).toEqual([
    { t: "n", v: 2 },
    { t: "s", v: "6471011203900001" },
    { t: "d", v: 45292, format: "dd\\-mm\\-yyyy" },
    { t: "s", v: "a & b 2" },
    { t: "s", v: "Nama 2 ké 😀" },
    { t: "n", v: 4 },
    null,
    null,
    { t: "n", v: 9 },
    { t: "b", v: true },
  ]);
  expect(whole.get(1003)).toEqual([]);
  const sizes = [1, 2, 3, 5, 7, 11, 64, 301];
  const WHOLE = SHEET_READ.sliceBytes;
  try {
    for (const size of sizes) {
      SHEET_READ.sliceBytes = size;
      expect(rows(bytes, 0, xml)).toEqual(whole);
    }
  } finally {
    SHEET_READ.sliceBytes = WHOLE;
  }
  // Read from the package in its own slices too.
  expect(rows(bytes)).toEqual(whole);
});

test("a held part's text comes out whole however its bytes are cut into pieces and slices", () => {
  // One, two, three and four-byte characters (a, é, €, 😀), so cuts fall inside every kind.
  const text = "a é € 😀 ".repeat(7) + '<row r="1"/>';
  const bytes = strToU8(text);
  for (let cut = 0; cut <= bytes.length; cut++)
    for (const slice of [1, 2, 3, 5, 64]) {
      const pieces = [bytes.slice(0, cut), bytes.slice(cut, cut + 9), bytes.slice(cut + 9)];
      const decoder = new PieceDecoder(slice);
      const out: string[] = [];
      for (const piece of pieces) decoder.push(piece, (t) => out.push(t));
      decoder.end((t) => out.push(t));
      expect(out.join("")).toBe(text);
      // Every slice is whole characters: none holds a replacement character.
      expect(out.some((t) => t.includes("\uFFFD"))).toBe(false);
    }
});
