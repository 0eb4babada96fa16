/**
 * The pieces that keep a full-height copy's memory bounded (issue 8): each must give exactly
 * what the plain form gave (the copy is byte-identical; test/package/compact-copy.test.ts
 * compares whole copies), so these check the edges the benchmark's workbook never reaches.
 */
import { IdList } from "../../src/core/computed-rows";
import { readSheetMerges, readSheetRows } from "../../src/package/sheet-reader";
import { patchComments, patchVml, writeNewComments, writeNewVml } from "../../src/package/notes-patch";
import { rowsWithCells } from "../../src/package/patch";
import { SheetMarks } from "../../src/package/sheet-marks";
import { openPackage, readCellFormats, readSharedStrings } from "../../src/package/workbook";
import { type ByteSource, bytesSource } from "../../src/package/zip";
import { MAIN, book } from "./corpus";

test("computed-cell ids widen from one byte to two and four without changing any id already kept", () => {
  const ids = new IdList();
  // 0..299 (one byte, then two from 256), then 70,000 (four), then small ones again; 3,000 in
  // all so the list also grows past its first 1,024 slots after each widening.
  const values = [
    ...Array.from({ length: 300 }, (_, i) => i),
    70_000,
    ...Array.from({ length: 2_699 }, (_, i) => i % 7),
  ];
  values.forEach((v) => ids.push(v));
  expect(ids.length).toBe(3_000);
  expect(Array.from(values, (_, i) => ids.at(i))).toEqual(values);
});

test("marks: the cut-off's band under the problem marks, rows ascending and once each", () => {
  const marks = new SheetMarks();
  expect(marks.isEmpty).toBe(true);
  // Band in column B (1) on rows 9, 3, 5 (given unsorted, 5 twice); problem marks on 5 (B and D) and 12.
  marks.addColumn(1, "CUT", [9, 3, 5, 5]);
  marks.set(5, 1, "ERR");
  marks.set(5, 3, "WARN");
  marks.set(12, 0, "ERR");
  expect(marks.isEmpty).toBe(false);
  expect([...(marks.get(3) ?? [])]).toEqual([[1, "CUT"]]);
  // Row 5: the problem mark drawn over the band in B, D added.
  expect(new Map(marks.get(5))).toEqual(
    new Map([
      [1, "ERR"],
      [3, "WARN"],
    ]),
  );
  expect(marks.get(4)).toBeUndefined();
  expect([...(marks.get(12) ?? [])]).toEqual([[0, "ERR"]]);
  expect(Array.from(marks.rows())).toEqual([3, 5, 9, 12]);
  expect(marks.maxRow).toBe(12);
});

/** A source over bytes that records the largest single read. */
function countingSource(bytes: Uint8Array): ByteSource & { largest: number } {
  const inner = bytesSource(bytes);
  const source = {
    length: inner.length,
    largest: 0,
    read(start: number, end: number): Uint8Array {
      source.largest = Math.max(source.largest, end - start);
      return inner.read(start, end);
    },
  };
  return source;
}

test("a package read piece by piece gives the same rows and merges, never reading its big sheet whole", () => {
  // 16,000 rows of 16 pseudo-random digits: a sheet part far larger compressed than one read step (64 KB).
  let seed = 7;
  const digits = (): string => {
    let s = "";
    for (let k = 0; k < 16; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      s += String(seed % 10);
    }
    return s;
  };
  const rows = Array.from(
    { length: 16_000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${digits()}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  ).join("");
  const xml = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="C2:D3"/></mergeCells></worksheet>`;
  const bytes = book({ sheets: [{ name: "S", xml }] });
  const read = (input: Uint8Array | ByteSource): { merges: unknown; rows: [number, unknown][] } => {
    const pkg = openPackage(input);
    const part = pkg.sheets[0]?.part as string;
    const ctx = { sharedStrings: readSharedStrings(pkg), formats: readCellFormats(pkg), date1904: pkg.date1904 };
    const out: [number, unknown][] = [];
    readSheetRows(pkg, part, ctx, (r, cells) => out.push([r, cells]));
    return { merges: readSheetMerges(pkg, part), rows: out };
  };
  const source = countingSource(bytes);
  const whole = read(bytes);
  expect(whole.rows).toHaveLength(16_000);
  expect(read(source)).toEqual(whole);
  const sheetEntry = openPackage(bytes).zip.byName.get("xl/worksheets/sheet1.xml");
  expect(sheetEntry?.compressedSize ?? 0).toBeGreaterThan(2 * 64 * 1024);
  // The largest read: the search for the end record (its 22 bytes and the longest zip comment, 65,535).
  expect(source.largest).toBeLessThanOrEqual(22 + 0xffff);
});

test("a new comments part and VML drawing stream out the text patchComments/patchVml make, in bounded pushes", async () => {
  // 3,000 notes (some with characters to escape) make both parts far longer than one push (64K characters).
  const notes = Array.from({ length: 3_000 }, (_, i) => ({
    row: i + 2,
    col: i % 5,
    text: `Catatan ${i} <"&'> ${"x".repeat(i % 40)}`,
  }));
  const collect = async (write: (push: (text: string) => Promise<void>) => Promise<void>): Promise<string[]> => {
    const pushes: string[] = [];
    await write(async (text) => void pushes.push(text));
    return pushes;
  };
  const comments = await collect((push) => writeNewComments(notes, push));
  expect(comments.join("")).toBe(patchComments(null, notes).text);
  const vml = await collect((push) => writeNewVml(notes, 3, push));
  expect(vml.join("")).toBe(patchVml(null, notes, 3));
  for (const pushes of [comments, vml]) {
    expect(pushes.length).toBeGreaterThan(2);
    // A push is at most one piece plus the one note that went past it.
    for (const p of pushes) expect(p.length).toBeLessThan(64 * 1024 + 2_000);
  }
});

test("the rows a sheet patch visits: marked and computed rows merged ascending, each once, no list made of them", () => {
  // Computed: header row 4, people on 5, 6, 9. Marks: the cut-off band on 6 and 9 (an Int32Array
  // kept as it is, not copied), problem marks on 2 (above the table), 6 and 12 (below it).
  const people = [5, 6, 9];
  const set = {
    sheet: "S",
    startColumnIndex: 3,
    headerRow: 4,
    headers: [],
    count: people.length,
    lastRow: 9,
    cellsAt: () => undefined,
    entries: () => [],
    eachRow: (visit: (row: number) => void) => people.forEach(visit),
    rowAt: (i: number) => people[i] as number,
  };
  const band = Int32Array.from([6, 9]);
  const marks = new SheetMarks();
  marks.addColumn(1, "CUT", band);
  expect(marks.rows()).toBe(band);
  marks.set(2, 0, "ERR");
  marks.set(6, 2, "ERR");
  marks.set(12, 0, "WARN");
  expect([...rowsWithCells(marks, set)]).toEqual([2, 4, 5, 6, 9, 12]);
  expect([...rowsWithCells(marks, null)]).toEqual([2, 6, 9, 12]);
  expect([...rowsWithCells(new SheetMarks(), { ...set, count: 0 })]).toEqual([4]);
  expect([...rowsWithCells(new SheetMarks(), null)]).toEqual([]);
});

test("marks walked row by row give what rows() lists: one band, several, none, and row numbers that do not compare", () => {
  const cases: [number[][], number[]][] = [
    [[[3, 6, 9, 12]], [1, 6, 13, 7]],
    [[[3, 6, 9]], []],
    [[], [8, 2, 5]],
    [
      [
        [2, 4],
        [3, 4, 10],
      ],
      [1, 4],
    ],
    [[[5, Number.NaN]], [1]],
    [[[1, 2]], [Number.NaN, 0.5]],
  ];
  for (const [bands, cells] of cases) {
    const marks = new SheetMarks();
    bands.forEach((rows, i) => marks.addColumn(i, "B", rows));
    cells.forEach((row) => marks.set(row, 9, "C"));
    expect([...marks.eachRow()]).toEqual(Array.from(marks.rows()));
  }
});
