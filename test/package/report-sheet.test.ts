/**
 * writeReportSheet with a sheet that makes its rows as they are written (CH Jalur and CH
 * Laporan at full height): the same XML as from the whole grid, pushed in pieces of about
 * a megabyte (never the whole sheet at once), with the dimension and filter range that the
 * row count given beforehand says.
 */
import { type OutCell, outCell, wrappedRowHeight } from "../../src/core/annotations";
import { type OutSheet, madeRows, wholeGrid } from "../../src/core/out-sheet";
import { cellXml } from "../../src/package/out-cells";
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
  const utf8 = new TextDecoder();
  // Bytes pushed are views of a buffer written again later: decoded as they come.
  await writeReportSheet(sheet, new StyleBook(null), false, NS, async (data) => {
    pieces.push(typeof data === "string" ? data : utf8.decode(data));
  });
  return pieces;
}

test("a sheet made row by row is written as its whole grid is, in pieces", async () => {
  const sheet = listSheet(20_000);
  const streamed = await written(sheet);
  const whole = await written(wholeGrid(sheet));
  expect(streamed.join("")).toBe(whole.join(""));
  // 20,000 rows of about 300 characters (ASCII): several pieces, none much past a megabyte (one row over at most).
  expect(streamed.length).toBeGreaterThan(4);
  for (const piece of streamed) expect(piece.length).toBeLessThan((1 << 20) + 2000);
  const xml = streamed.join("");
  expect(xml).toContain('<dimension ref="A1:C20004"/>');
  expect(xml).toContain('<autoFilter ref="A3:C20004"/>');
  expect(filterRef(sheet)).toBe("A3:C20004");
  expect(xml.match(/<row /g)).toHaveLength(20_003); // row 2 is empty and not written
  expect(xml).toContain("Orang ke-19999 &amp; &lt;teman&gt;");
});

test("rows written as bytes are their cells' XML, texts repeated or not, in any script", async () => {
  // Repeated texts are taken as bytes from their second row on; unique ones are encoded where
  // written. Either way each row is what cellXml makes of its cells.
  const styles = new StyleBook(null);
  const rowsOf = (i: number): OutCell[] => [
    outCell(i % 4 === 0 ? "Usul PPPK → paruh waktu" : `Nama ${i} Ñoño 😀`, i % 2 === 0 ? "ok" : undefined),
    outCell(i % 7 === 0 ? null : 1000 + (i % 5)),
    outCell(i % 3 === 0 ? "baris\ndua" : " spasi di depan", "text"),
    outCell(i, undefined, { link: { sheet: "Data Non ASN", address: `A${i}` } }),
  ];
  const count = 300;
  const grid = {
    sheetName: "CH Uji",
    rows: Array.from({ length: count }, (_, i) => rowsOf(i)),
    columnWidths: [30, 10, 12, 8],
  };
  const pieces: string[] = [];
  await writeReportSheet(grid, styles, false, NS, async (data) => {
    pieces.push(typeof data === "string" ? data : new TextDecoder().decode(data));
  });
  const xml = pieces.join("");
  const sheetData = xml.slice(xml.indexOf("<sheetData>") + 11, xml.indexOf("</sheetData>"));
  let expected = "";
  grid.rows.forEach((row, k) => {
    const r = k + 1;
    const height = wrappedRowHeight(row, grid.columnWidths);
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    expected += `<row r="${r}"${ht}>${row.map((c, j) => cellXml(r, j, c, styles, false)).join("")}</row>`;
  });
  expect(sheetData).toBe(expected);
  expect(sheetData).toContain("Usul PPPK → paruh waktu");
  expect(sheetData).toContain("Nama 299 Ñoño 😀");
});
