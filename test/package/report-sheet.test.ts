/**
 * writeReportSheet with a sheet that makes its rows as they are written (CH Jalur and CH
 * Laporan at full height): the same XML as from the whole grid, pushed in pieces of about
 * 64 KB (never the whole sheet as one string), with the dimension and filter range that the
 * row count given beforehand says.
 */
import { type OutCell, outCell } from "../../src/core/annotations";
import { type OutSheet, madeRows, wholeGrid } from "../../src/core/out-sheet";
import { filterRef, writeReportSheet } from "../../src/package/report-sheet";
import { StyleBook } from "../../src/package/styles-patch";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

/** A list of `count` people under a title and a header, rows made on demand. */
function listSheet(count: number): OutSheet {
  const head: OutCell[][] = [[outCell("Daftar", "title")], [], [outCell("Nama", "header"), outCell("Baris", "header")]];
  const make = (i: number): OutCell[] => [
    outCell(`Orang ke-${i} & <teman>`),
    outCell(i + 4, undefined, { link: { sheet: "Data", address: `A${i + 4}` } }),
    outCell(i % 3 === 0 ? "catatan panjang yang dibungkus agar terbaca utuh di layar" : null, "text"),
  ];
  return {
    sheetName: "CH Jalur",
    rows: madeRows(head, count, make, [[outCell("selesai", "muted")]]),
    rowCount: head.length + count + 1,
    columnWidths: [20, 8, 12],
    layout: { freezeRows: 3, filterRow: 3, landscape: true, fitToWidth: true },
  };
}

async function written(sheet: Parameters<typeof writeReportSheet>[0]): Promise<string[]> {
  const pieces: string[] = [];
  await writeReportSheet(sheet, new StyleBook(null), false, NS, async (text) => {
    pieces.push(text);
  });
  return pieces;
}

test("a sheet made row by row is written as its whole grid is, in pieces", async () => {
  const sheet = listSheet(5000);
  const streamed = await written(sheet);
  const whole = await written(wholeGrid(sheet));
  expect(streamed.join("")).toBe(whole.join(""));
  // 5,000 rows of about 300 characters: several pieces, none much past 64 KB (one row over at most).
  expect(streamed.length).toBeGreaterThan(10);
  for (const piece of streamed) expect(piece.length).toBeLessThan(64 * 1024 + 2000);
  const xml = streamed.join("");
  expect(xml).toContain('<dimension ref="A1:C5004"/>');
  expect(xml).toContain('<autoFilter ref="A3:C5004"/>');
  expect(filterRef(sheet)).toBe("A3:C5004");
  expect(xml.match(/<row /g)).toHaveLength(5003); // row 2 is empty and not written
  expect(xml).toContain("Orang ke-4999 &amp; &lt;teman&gt;");
});
